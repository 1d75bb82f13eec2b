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

        yield return new("race-windows", """
            using System;
            using System.Collections;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Demo.Windows;

            public static class Par
            {
                public static void For(int n, Action<int> body) { if (n < 2) { for (int i = 0; i < n; i++) body(i); return; } Parallel.For(0, n, i => body(i)); }
                public static Task Run(Action work) => Task.Run(work);
            }

            public sealed class Gate : IDisposable
            {
                public static int Open;
                public void Dispose() { Open--; }
                public static Gate operator +(Gate a, Gate b) { Open++; return a; }
            }

            public class Station
            {
                static int shared;
                static readonly object sync = new();
                static readonly ReaderWriterLockSlim rw = new();
                static readonly ReaderWriterLock legacy = new();
                [ThreadStatic] static List<int>? scratch;
                static List<int> Scratch => scratch ??= new List<int>();
                readonly double[] cells = new double[64];
                Action? tick;

                static void Incr() { shared++; }
                static void Bump(ref int x) => Interlocked.Increment(ref x);
                void Store(int i, double v) { cells[i] = v; }

                public async Task<int> Run(int[] xs)
                {
                    int local = 0;
                    var ready = new ManualResetEventSlim();
                    using var countdown = new CountdownEvent(2);
                    var barrier = new Barrier(2);
                    var tcs = new TaskCompletionSource<int>();
                    var t = new Thread(() => { local = 1; ready.Set(); countdown.Signal(); barrier.SignalAndWait(); tcs.SetResult(1); });
                    t.Start();
                    var a = Task.Run(() => { lock (sync) shared++; rw.EnterUpgradeableReadLock(); try { shared--; } finally { rw.ExitUpgradeableReadLock(); } });
                    var b = new Thread(Incr);
                    b.Start();
                    ready.Wait();
                    legacy.AcquireWriterLock(100);
                    try { shared = local; } finally { legacy.ReleaseWriterLock(); }
                    Bump(ref local);
                    Par.For(xs.Length, i => Store(i, xs[i]));
                    await Par.Run(() => tick?.Invoke());
                    var q = (from x in xs.AsParallel() where x > local select x * 2).ToArray();
                    Parallel.Invoke(() => cells[0] = 1, () => cells[1] = 2);
                    Parallel.For(1, cells.Length, i => cells[i] = cells[i - 1]);
                    Parallel.ForEach(xs.Distinct(), x => Scratch.Add(x));
                    var list = ArrayList.Synchronized(new ArrayList());
                    Parallel.ForEach(xs, new ParallelOptions { MaxDegreeOfParallelism = 1 }, x => list.Add(x));
                    Parallel.For(0, 4, i => { using (new Gate()) { } var g = new Gate() + new Gate(); });
                    countdown.Wait();
                    barrier.SignalAndWait();
                    await tcs.Task;
                    await Task.WhenAll(a, Task.Run(() => shared++));
                    t.Join();
                    b.Join();
                    return local + q.Length + shared;
                }
            }
            """);
    }
}
