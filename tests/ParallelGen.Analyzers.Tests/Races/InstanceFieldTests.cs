using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0102: a field of the worker's own (shared) object written from a worker.</summary>
public class InstanceFieldTests
{
    [Fact]
    public Task Field_of_this_in_an_instance_Parallelizable_method_is_reported() => RaceVerifier.VerifyAsync("""
        partial class Crawler
        {
            int pages;
            string? lastUrl;
            public int Retries { get; set; }

            [Parallelizable]
            public int Fetch(string url)
            {
                {|PG0102:pages++|};
                {|PG0102:this.lastUrl = url|};
                {|PG0102:Retries = 0|};
                return url.Length;
            }
        }
        """);

    [Fact]
    public Task Field_of_a_captured_object_in_a_lambda_is_reported() => RaceVerifier.VerifyAsync("""
        class Counter { public int Value; }

        class C
        {
            int total;

            void Run(int[] xs)
            {
                var counter = new Counter();
                Parallel.ForEach(xs, x =>
                {
                    {|PG0102:counter.Value += x|};
                    {|PG0102:total += x|};
                });
            }
        }
        """);

    [Fact]
    public Task Message_names_the_field_and_the_worker() => AssertMessage.Contains("""
        partial class Crawler
        {
            int pages;
            [Parallelizable] public void Fetch(string url) { pages++; }
        }
        """, "PG0102", "Worker 'Fetch' writes field 'pages' of its own object");
}
