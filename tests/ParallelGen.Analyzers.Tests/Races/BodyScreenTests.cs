using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>
/// The syntactic screen that spares binding [Parallelizable] bodies that only touch their own locals must never hide a
/// race: the tricky shapes below still have to be analyzed and reported.
/// </summary>
public class BodyScreenTests
{
    [Fact]
    public Task A_local_that_shadows_a_field_name_does_not_hide_the_field_write() => RaceVerifier.VerifyAsync("""
        static partial class Shadow
        {
            static int count;

            [Parallelizable]
            public static int Work(int x)
            {
                if (x > 0) { int count = 1; count++; }
                {|PG0101:count++|};
                return x;
            }
        }
        """);

    [Fact]
    public Task Aliases_fluent_chains_nested_lambdas_and_target_typed_new_are_still_analyzed() => RaceVerifier.VerifyAsync("""
        sealed class Counter { static int made; public Counter() { made++; } }

        static partial class Tricky
        {
            static readonly List<int> seen = new();
            static readonly StringBuilder log = new();
            static int total;

            [Parallelizable]
            public static void Work(int[] xs)
            {
                var alias = seen;
                {|PG0103:alias.Add(xs.Length)|};
                {|PG0103:log.Append('a')|}.Append('b'); // one report per fluent chain, at its first call on the shared builder
                Array.ForEach(xs, x => {|PG0101:total += x|});
                Counter c = {|PG0106:new()|};
            }
        }
        """);

    [Fact]
    public Task A_body_with_only_locals_stays_silent() => RaceVerifier.VerifyAsync("""
        static partial class Clean
        {
            [Parallelizable]
            public static string Work(string name, int count)
            {
                var builder = new StringBuilder(name);
                for (var k = 0; k < count; k++) builder.Append('/').Append(k.ToString());
                var parts = new List<string> { name };
                parts.Add(builder.ToString());
                return string.Join(",", parts);
            }
        }
        """);
}
