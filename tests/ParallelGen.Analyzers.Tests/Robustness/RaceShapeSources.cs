using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Robustness;

/// <summary>
/// Sources that exercise the race analyzers (workers of every kind, shared state of every kind, locks, calls), to be
/// mutated beside the generator's shape sources: the mutations hit lambdas, locks and collections half-typed.
/// </summary>
internal static class RaceShapeSources
{
    public static IEnumerable<KeyValuePair<string, string>> All()
    {
        yield return new("race-workers", """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using ParallelGen;

            namespace Demo.Races;

            public partial class Crawler
            {
                private static int pages;
                private static readonly Random rng = new();
                private readonly List<string> found = new();
                private readonly Dictionary<string, int> counts = new();
                private readonly object gate = new();
                private long bytes;
                private StringBuilder log = new();

                [Parallelizable]
                public int Visit(string url, int depth)
                {
                    pages++;
                    bytes += url.Length;
                    found.Add(url);
                    counts[url] = depth;
                    lock (gate) { log.Append(url); }
                    Interlocked.Increment(ref pages);
                    Helper(url);
                    return rng.Next(depth);
                }

                private void Helper(string url) => found.Remove(url);

                public long Run(int[] items)
                {
                    long sum = 0;
                    var results = new int[items.Length];
                    Parallel.For(0, items.Length, i => { sum += items[i]; results[i] = items[i] * 2; });
                    Parallel.ForEach(items, x => { counts["x"] = x; });
                    var q = items.AsParallel().Select(x => { sum += x; return x; }).ToArray();
                    Task.Run(() => pages++).Wait();
                    new Thread(() => found.Clear()).Start();
                    return sum + q.Length + VisitMap(items.Select(i => (i.ToString(), i))).Length;
                }
            }
            """);
        yield return new("race-check-then-act", """
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            using ParallelGen;

            public static partial class Cache
            {
                private static readonly ConcurrentDictionary<string, int> values = new();

                [Parallelizable]
                public static int Get(string key)
                {
                    if (!values.ContainsKey(key))
                    {
                        values[key] = key.Length;
                    }

                    values[key] = values[key] + 1;
                    return values.GetOrAdd(key, k => k.Length);
                }

                public static async Task RunAsync(string[] keys)
                {
                    await Parallel.ForEachAsync(keys, async (k, ct) => { await Task.Yield(); values[k] = Get(k); });
                    foreach (var k in keys)
                    {
                        _ = GetSubmit(k);
                    }
                }
            }
            """);
    }
}
