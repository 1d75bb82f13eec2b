using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0101: a static field or property written from a worker.</summary>
public class StaticMemberTests
{
    [Fact]
    public Task Static_counter_in_a_Parallelizable_method_is_reported() => RaceVerifier.VerifyAsync("""
        static partial class Images
        {
            static int processed;
            static string lastPath = "";

            [Parallelizable]
            public static int Resize(string path, int width)
            {
                {|PG0101:processed++|};
                {|PG0101:lastPath = path|};
                return width;
            }
        }
        """);

    [Fact]
    public Task Static_auto_property_and_compound_assignment_in_lambdas_are_reported() => RaceVerifier.VerifyAsync("""
        static class Stats
        {
            public static long Bytes { get; set; }
            public static double Total;

            public static void Run(byte[][] chunks)
            {
                Parallel.ForEach(chunks, c => {|PG0101:Bytes += c.Length|});
                chunks.AsParallel().ForAll(c => {|PG0101:Total = Total + c.Length|});
                Task.Factory.StartNew(() => {|PG0101:Total = 0|});
            }
        }
        """);

    [Fact]
    public Task Message_names_the_field_and_the_worker() => AssertMessage.Contains("""
        static partial class Work
        {
            static int hits;
            [Parallelizable] public static void Hit(int x) { hits += x; }
        }
        """, "PG0101", "Worker 'Hit' writes static field 'Work.hits'", "Interlocked");
}
