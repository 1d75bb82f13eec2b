using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0107: check-then-act on a concurrent collection.</summary>
public class CheckThenActTests
{
    [Fact]
    public Task ContainsKey_then_indexer_set_and_TryGetValue_then_update_are_reported() => RaceVerifier.VerifyAsync("""
        static partial class Cache
        {
            static readonly ConcurrentDictionary<string, int> lengths = new();

            [Parallelizable]
            public static int Measure(string key)
            {
                if (!{|PG0107:lengths.ContainsKey(key)|})
                {
                    lengths[key] = key.Length;
                }

                if ({|PG0107:lengths.TryGetValue(key, out var old)|})
                {
                    lengths.TryUpdate(key, old + 1, old);
                }

                return lengths[key];
            }
        }
        """);

    [Fact]
    public Task Read_modify_write_through_the_indexer_is_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            void Count(string[] words)
            {
                var counts = new ConcurrentDictionary<string, int>();
                foreach (var w in words) counts[w] = 0;
                Parallel.ForEach(words, w => {|PG0107:counts[w]++|});
                Parallel.ForEach(words, w => {|PG0107:counts[w] = counts[w] + 1|});
            }
        }
        """);

    [Fact]
    public Task Message_says_what_to_use_instead() => AssertMessage.Contains("""
        class C { void R(string[] ws) { var d = new ConcurrentDictionary<string, int>(); Parallel.ForEach(ws, w => { if (!d.ContainsKey(w)) d[w] = 1; }); } }
        """, "PG0107", "Worker 'Parallel.ForEach' reads captured variable 'd' with 'ContainsKey'", "GetOrAdd");
}
