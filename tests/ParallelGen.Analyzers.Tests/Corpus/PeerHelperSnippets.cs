using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Issue 13 point 5 as numerics/imaging/ML libraries write it: their own helpers around Parallel.For (range helpers
/// taking <c>Action&lt;int, int&gt;</c> over a <c>Partitioner</c>, generic and extension-method helpers, a helper in
/// another part of a partial class, a helper that runs small inputs sequentially), callee-side <c>Interlocked</c>,
/// per-row work through a call with <c>y * width + x</c>, <c>ThreadLocal</c> accumulators.
/// </summary>
public static class PeerHelperSnippets
{
    private const string CommonParallel = """
        public static class CommonParallel
        {
            public static void For(int fromInclusive, int toExclusive, int rangeSize, Action<int, int> body)
            {
                if (toExclusive - fromInclusive <= rangeSize) { body(fromInclusive, toExclusive); return; }
                Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(fromInclusive, toExclusive, rangeSize), range => body(range.Item1, range.Item2));
            }
        }
        """;

    private const string ThreadFor = """
        public static class Threads
        {
            public static void For(int from, int to, Action<int> body)
            {
                int procs = Environment.ProcessorCount, range = (to - from) / procs;
                var threads = new List<Thread>(procs);
                for (int p = 0; p < procs; p++)
                {
                    int start = from + p * range, end = p == procs - 1 ? to : start + range;
                    threads.Add(new Thread(() => { for (int i = start; i < end; i++) body(i); }));
                }
                foreach (var t in threads) t.Start();
                foreach (var t in threads) t.Join();
            }
        }
        """;

    private const string RowIterator = """
        public interface IRowOperation { void Invoke(int y); }
        public static class RowIterator
        {
            public static void IterateRows<T>(int height, in T operation) where T : struct, IRowOperation
            {
                var op = operation;
                Parallel.For(0, height, y => op.Invoke(y));
            }
        }
        """;

    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("peer_thread_helper_captured_count", "PG0100", ThreadFor + """
            public static class Scan
            {
                public static int Run(int[] xs)
                {
                    int negatives = 0;
                    Threads.For(0, xs.Length, i => { if (xs[i] < 0) negatives++; });
                    return negatives;
                }
            }
            """),
        new("FN_struct_row_operation_counts_in_shared_field", "PG0106", RowIterator + """
            public sealed class Stats { public long Rows; }
            public readonly struct CountRows : IRowOperation
            {
                private readonly Stats stats;
                public CountRows(Stats stats) => this.stats = stats;
                public void Invoke(int y) { stats.Rows++; }
            }
            public static class Program
            {
                public static long Run(int height) { var s = new Stats(); RowIterator.IterateRows(height, new CountRows(s)); return s.Rows; }
            }
            """),
        new("peer_range_helper_captured_sum", "PG0100", CommonParallel + """
            public static class Vector
            {
                public static double Sum(double[] x)
                {
                    double sum = 0;
                    CommonParallel.For(0, x.Length, 4096, (a, b) => { for (int i = a; i < b; i++) sum += x[i]; });
                    return sum;
                }
            }
            """),
        new("peer_generic_helper_static_counter", "PG0101", """
            public static class Par
            {
                public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Parallel.ForEach(items, body);
            }
            public static class Indexer
            {
                static int indexed;
                public static void Run(string[] docs) => Par.ForEach(docs, d => { if (d.Length > 0) indexed++; });
            }
            """),
        new("peer_extension_helper_list_add", "PG0103", """
            public static class ParallelExtensions
            {
                public static void ForEachIndexed<T>(this IList<T> xs, Action<T, int> body) => Parallel.For(0, xs.Count, i => body(xs[i], i));
            }
            public static class Program
            {
                public static List<string> Run(List<string> names)
                {
                    var upper = new List<string>();
                    names.ForEachIndexed((n, i) => upper.Add(n.ToUpperInvariant()));
                    return upper;
                }
            }
            """),
        new("peer_partial_class_helper_field", "PG0102", """
            public partial class Trainer
            {
                private static void ParallelFor(int n, Action<int> body) => Parallel.For(0, n, body);
            }
            public partial class Trainer
            {
                private double loss;
                public double Epoch(double[] errors)
                {
                    ParallelFor(errors.Length, i => loss += errors[i] * errors[i]);
                    return loss;
                }
            }
            """),
        new("peer_threshold_helper_writes_static", "PG0101", """
            public static class Loops
            {
                public static void For(int n, Action<int> body)
                {
                    if (n < 1000) { for (int i = 0; i < n; i++) body(i); }
                    else Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
                }
            }
            public static class Kernel
            {
                static double max;
                public static void Run(double[] xs) => Loops.For(xs.Length, i => { if (xs[i] > max) max = xs[i]; });
            }
            """),
        new("peer_task_helper_two_launches_static", "PG0109", """
            public static class Background
            {
                public static Task Start(Action work) => Task.Run(work);
            }
            public static class Program
            {
                static int total;
                public static void Main()
                {
                    var a = Background.Start(() => total += 1);
                    var b = Background.Start(() => total += 2);
                    Task.WaitAll(a, b);
                }
            }
            """),
        new("peer_row_helper_shared_row_buffer", "PG0103", """
            public static class Image
            {
                public static void Blur(float[] pixels, int width, int height)
                {
                    var row = new float[width];
                    Parallel.For(0, height, y =>
                    {
                        for (int x = 0; x < width; x++) row[x] = pixels[y * width + x];
                        for (int x = 1; x < width - 1; x++) pixels[y * width + x] = (row[x - 1] + row[x] + row[x + 1]) / 3;
                    });
                }
            }
            """),
        new("peer_plain_ref_add_helper", "PG0106", """
            public static class Acc
            {
                static void Add(ref double target, double v) { target += v; }
                public static double Run(double[] xs)
                {
                    double total = 0;
                    Parallel.For(0, xs.Length, i => Add(ref total, xs[i]));
                    return total;
                }
            }
            """),
        new("peer_row_call_shared_scratch_field", "PG0106", """
            public class Resizer
            {
                private float[] scratch = new float[256];
                private readonly float[] pixels;
                private readonly int width;
                public Resizer(float[] pixels, int width) { this.pixels = pixels; this.width = width; }
                private void ProcessRow(int y)
                {
                    for (int x = 0; x < width; x++) scratch[x] = pixels[y * width + x] * 0.5f;
                    for (int x = 0; x < width; x++) pixels[y * width + x] = scratch[x];
                }
                public void Run(int height) => Parallel.For(0, height, ProcessRow);
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("peer_task_helper_waits_inside", null, """
            public static class OffThread
            {
                public static void RunAndWait(Action work) => Task.Run(work).Wait();
            }
            public static class Program
            {
                static int total;
                public static int Main()
                {
                    int local = 0;
                    OffThread.RunAndWait(() => { total += 1; local = 5; });
                    total += local;
                    return total;
                }
            }
            """),
        new("peer_thread_helper_own_slots", null, ThreadFor + """
            public static class Scale
            {
                public static void Run(double[] xs, double[] ys) => Threads.For(0, xs.Length, i => ys[i] = xs[i] * 2);
            }
            """),
        new("peer_struct_row_operation_own_rows", null, RowIterator + """
            public readonly struct Invert : IRowOperation
            {
                private readonly float[] pixels;
                private readonly int width;
                public Invert(float[] pixels, int width) { this.pixels = pixels; this.width = width; }
                public void Invoke(int y) { for (int x = 0; x < width; x++) pixels[y * width + x] = 1f - pixels[y * width + x]; }
            }
            public static class Program
            {
                public static void Run(float[] pixels, int width, int height) => RowIterator.IterateRows(height, new Invert(pixels, width));
            }
            """),
        new("peer_range_helper_own_slots", null, CommonParallel + """
            public static class Vector
            {
                public static void Scale(double alpha, double[] x, double[] y) =>
                    CommonParallel.For(0, x.Length, 4096, (a, b) => { for (int i = a; i < b; i++) y[i] = alpha * x[i]; });
            }
            """),
        new("peer_generic_helper_interlocked", null, """
            public static class Par
            {
                public static void ForEach<T>(IEnumerable<T> items, Action<T> body) => Parallel.ForEach(items, body);
            }
            public static class Indexer
            {
                static int indexed;
                public static int Run(string[] docs) { Par.ForEach(docs, d => { if (d.Length > 0) Interlocked.Increment(ref indexed); }); return indexed; }
            }
            """),
        new("peer_extension_helper_own_slot", null, """
            public static class ParallelExtensions
            {
                public static void ForEachIndexed<T>(this IList<T> xs, Action<T, int> body) => Parallel.For(0, xs.Count, i => body(xs[i], i));
            }
            public static class Program
            {
                public static string[] Run(List<string> names)
                {
                    var upper = new string[names.Count];
                    names.ForEachIndexed((n, i) => upper[i] = n.ToUpperInvariant());
                    return upper;
                }
            }
            """),
        new("peer_partial_class_helper_own_slot", null, """
            public partial class Trainer
            {
                private static void ParallelFor(int n, Action<int> body) => Parallel.For(0, n, body);
            }
            public partial class Trainer
            {
                private readonly double[] grads = new double[64];
                public void Step(double[] errors) => ParallelFor(grads.Length, i => grads[i] = errors[i] * 2);
            }
            """),
        new("peer_cas_ref_add_helper", null, """
            public static class Acc
            {
                static void Add(ref double target, double v)
                {
                    double seen, updated;
                    do { seen = target; updated = seen + v; }
                    while (seen != Interlocked.CompareExchange(ref target, updated, seen));
                }
                public static double Run(double[] xs)
                {
                    double total = 0;
                    Parallel.For(0, xs.Length, i => Add(ref total, xs[i]));
                    return total;
                }
            }
            """),
        new("peer_row_call_index_arithmetic", null, """
            public class Filter
            {
                private readonly float[] pixels;
                private readonly int width;
                public Filter(float[] pixels, int width) { this.pixels = pixels; this.width = width; }
                private void ProcessRow(int y)
                {
                    int offset = y * width;
                    for (int x = 0; x < width; x++) pixels[offset + x] = 1f - pixels[offset + x];
                }
                public void Run(int height) => Parallel.For(0, height, ProcessRow);
            }
            """),
        new("peer_row_local_buffer", null, """
            public static class Image
            {
                public static void Blur(float[] pixels, int width, int height)
                {
                    Parallel.For(0, height, y =>
                    {
                        var row = new float[width];
                        for (int x = 0; x < width; x++) row[x] = pixels[y * width + x];
                        for (int x = 1; x < width - 1; x++) pixels[y * width + x] = (row[x - 1] + row[x] + row[x + 1]) / 3;
                    });
                }
            }
            """),
        new("peer_thread_local_lists", null, """
            public static class Collect
            {
                public static int[] Run(int[] xs)
                {
                    using var local = new ThreadLocal<List<int>>(() => new List<int>(), trackAllValues: true);
                    Parallel.For(0, xs.Length, i => { if (xs[i] > 0) local.Value!.Add(xs[i]); });
                    return local.Values.SelectMany(l => l).ToArray();
                }
            }
            """),
        new("peer_for_with_thread_local_state", null, """
            public static class Dot
            {
                public static double Run(double[] a, double[] b)
                {
                    double total = 0;
                    var gate = new object();
                    Parallel.For(0, a.Length, () => 0.0, (i, _, partial) => partial + a[i] * b[i], partial => { lock (gate) total += partial; });
                    return total;
                }
            }
            """),
        new("peer_threshold_helper_own_slots", null, """
            public static class Loops
            {
                public static void For(int n, Action<int> body)
                {
                    if (n < 1000) { for (int i = 0; i < n; i++) body(i); }
                    else Parallel.For(0, n, body);
                }
            }
            public static class Kernel
            {
                public static void Run(double[] xs, double[] ys) => Loops.For(xs.Length, i => ys[i] = Math.Exp(xs[i]));
            }
            """),
        new("peer_task_helper_awaited_in_sequence", null, """
            public static class Background
            {
                public static Task Start(Action work) => Task.Run(work);
            }
            public static class Program
            {
                static int total;
                public static async Task Main()
                {
                    await Background.Start(() => total += 1);
                    await Background.Start(() => total += 2);
                }
            }
            """),
    };
}
