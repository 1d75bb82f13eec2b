using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Micro programs in the style of DataRaceBench-like suites ported to .NET (a missing private, an indirect index, a
/// true dependence, a nested parallel loop, a loop variable captured by tasks, WhenAny taken for a join, a volatile
/// flag that does publish) and the loop shapes of numerics code around them.
/// </summary>
public static class PeerMicroSnippets
{
    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("peer_volatile_increment_two_threads", "PG0109", """
            public static class Program
            {
                static volatile int count;
                static void Work() { for (int i = 0; i < 1000; i++) count++; }
                public static int Main()
                {
                    var a = new Thread(Work);
                    var b = new Thread(Work);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                    return count;
                }
            }
            """),
        new("peer_two_tasks_same_field_through_alias", "PG0109", """
            public sealed class Point { public int X, Y; }
            public static class Program
            {
                public static async Task<int> Run()
                {
                    var p = new Point();
                    var q = p;
                    var a = Task.Run(() => { p.X = 1; });
                    var b = Task.Run(() => { q.X = 2; });
                    await Task.WhenAll(a, b);
                    return p.X;
                }
            }
            """),
        new("peer_private_missing_temp", "PG0100", """
            public static class PrivateMissing
            {
                public static void Run(int[] a, int[] b)
                {
                    int tmp = 0;
                    Parallel.For(0, a.Length, i => { tmp = a[i] + i; b[i] = tmp; });
                }
            }
            """),
        new("peer_indirect_index_increment", "PG0103", """
            public static class IndirectAccess
            {
                public static void Run(double[] xa, int[] index)
                {
                    Parallel.For(0, index.Length, i => { xa[index[i]] += 1.0; });
                }
            }
            """),
        new("peer_true_dependence_linear", "PG0110", """
            public static class TrueDep
            {
                public static void Run(int[] a) => Parallel.For(0, a.Length / 2 - 1, i => { a[2 * i + 1] = a[i] + 1; });
            }
            """),
        new("peer_minus_minus_captured", "PG0100", """
            public static class MinusMinus
            {
                public static int Run(int[] x)
                {
                    int remaining = x.Length;
                    Parallel.For(0, x.Length, i => { if (x[i] <= 0) remaining--; });
                    return remaining;
                }
            }
            """),
        new("peer_nested_inner_parallel_accumulates", "PG0103", """
            public static class MatMul
            {
                public static void Run(double[,] a, double[,] b, double[,] c, int n)
                {
                    for (int i = 0; i < n; i++)
                        for (int j = 0; j < n; j++)
                        {
                            int row = i, col = j;
                            Parallel.For(0, n, k => { c[row, col] += a[row, k] * b[k, col]; });
                        }
                }
            }
            """),
        new("peer_column_reads_previous_column", "PG0110", """
            public static class Sweep
            {
                public static void Run(double[,] b, int row)
                {
                    Parallel.For(1, b.GetLength(1), j => { b[row, j] = b[row, j - 1] + 1; });
                }
            }
            """),
        new("peer_loop_variable_captured_by_tasks", "PG0108", """
            public static class Closure
            {
                public static int[] Run()
                {
                    var results = new int[5];
                    var tasks = new List<Task>();
                    for (int i = 0; i < 4; i++)
                    {
                        tasks.Add(Task.Run(() => results[i] = i * i));
                    }
                    Task.WaitAll(tasks.ToArray());
                    return results;
                }
            }
            """),
        new("peer_when_any_is_not_a_join", "PG0108", """
            public static class Race
            {
                static int winner;
                public static async Task<int> Run()
                {
                    var fast = Task.Run(() => 1);
                    var slow = Task.Run(() => { winner = 2; });
                    await Task.WhenAny(fast, slow);
                    return winner;
                }
            }
            """),
        new("peer_continuation_races_with_caller", "PG0108", """
            public static class Chain
            {
                static int steps;
                public static void Run()
                {
                    var t = Task.Run(() => 1).ContinueWith(_ => { steps++; });
                    steps++;
                    t.Wait();
                }
            }
            """),
        new("peer_thread_count_while_main_adds", "PG0108", """
            public static class Watch
            {
                public static void Run()
                {
                    var list = new List<int>();
                    var watcher = new Thread(() => { for (int k = 0; k < 10; k++) System.Console.WriteLine(list.Count); });
                    watcher.Start();
                    for (int k = 0; k < 10; k++) list.Add(k);
                    watcher.Join();
                }
            }
            """),
        new("peer_sleep_is_not_a_join", "PG0108", """
            public static class Program
            {
                static int x;
                public static int Main()
                {
                    new Thread(() => x = 1).Start();
                    Thread.Sleep(100);
                    return x;
                }
            }
            """),
        new("peer_invoke_sort_and_add", "PG0103", """
            public static class Program
            {
                public static void Run(List<int> list) => Parallel.Invoke(() => list.Sort(), () => list.Add(1));
            }
            """),
        new("peer_two_threads_string_append", "PG0109", """
            public class Log
            {
                private string text = "";
                void A() { for (int i = 0; i < 10; i++) text += "a"; }
                void B() { for (int i = 0; i < 10; i++) text += "b"; }
                public string Run()
                {
                    var a = new Thread(A);
                    var b = new Thread(B);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                    return text;
                }
            }
            """),
        new("peer_dictionary_read_while_task_writes", "PG0108", """
            public static class Cache
            {
                public static bool Run(Dictionary<string, int> map)
                {
                    var t = Task.Run(() => { map["a"] = 1; });
                    bool found = map.TryGetValue("b", out _);
                    t.Wait();
                    return found;
                }
            }
            """),
        new("peer_barrier_same_slot_same_phase", "PG0109", """
            public static class Phases
            {
                public static int[] Run()
                {
                    var slots = new int[2];
                    using var barrier = new Barrier(2);
                    var a = new Thread(() => { slots[0] = 1; barrier.SignalAndWait(); });
                    var b = new Thread(() => { slots[0] = 2; barrier.SignalAndWait(); });
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                    return slots;
                }
            }
            """),
        new("peer_last_value_captured", "PG0100", """
            public static class LastPrivate
            {
                public static int Run(int n)
                {
                    int last = -1;
                    Parallel.For(0, n, i => { last = i; });
                    return last;
                }
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("peer_two_tasks_alias_reassigned_first", null, """
            public sealed class Point { public int X, Y; }
            public static class Program
            {
                public static async Task<int> Run()
                {
                    var p = new Point();
                    var q = p;
                    q = new Point();
                    var a = Task.Run(() => { p.X = 1; });
                    var b = Task.Run(() => { q.X = 2; });
                    await Task.WhenAll(a, b);
                    return p.X + q.X;
                }
            }
            """),
        new("peer_continuation_after_antecedent_then_wait", null, """
            public static class Chain
            {
                static int steps;
                public static int Run()
                {
                    var t = Task.Run(() => { steps = 1; }).ContinueWith(_ => { steps++; });
                    t.Wait();
                    return steps;
                }
            }
            """),
        new("peer_two_tasks_distinct_fields", null, """
            public sealed class Point { public int X, Y; }
            public static class Program
            {
                public static async Task<Point> Run()
                {
                    var p = new Point();
                    var a = Task.Run(() => { p.X = 1; });
                    var b = Task.Run(() => { p.Y = 2; });
                    await Task.WhenAll(a, b);
                    return p;
                }
            }
            """),
        new("peer_two_tasks_same_field_distinct_objects", null, """
            public sealed class Counter { public int Value; }
            public static class Program
            {
                public static async Task<int> Run()
                {
                    var left = new Counter();
                    var right = new Counter();
                    var a = Task.Run(() => { for (int i = 0; i < 10; i++) left.Value++; });
                    var b = Task.Run(() => { for (int i = 0; i < 10; i++) right.Value++; });
                    await Task.WhenAll(a, b);
                    return left.Value + right.Value;
                }
            }
            """),
        new("peer_private_temp_inside", null, """
            public static class Private
            {
                public static void Run(int[] a, int[] b)
                {
                    Parallel.For(0, a.Length, i => { int tmp = a[i] + i; b[i] = tmp; });
                }
            }
            """),
        new("peer_indirect_index_interlocked", null, """
            public static class Histogram
            {
                public static int[] Run(int[] data)
                {
                    var hist = new int[10];
                    Parallel.For(0, data.Length, i => Interlocked.Increment(ref hist[data[i] % 10]));
                    return hist;
                }
            }
            """),
        new("peer_nested_outer_parallel_rows", null, """
            public static class MatMul
            {
                public static void Run(double[,] a, double[,] b, double[,] c, int n)
                {
                    Parallel.For(0, n, i =>
                    {
                        for (int j = 0; j < n; j++)
                        {
                            double s = 0;
                            for (int k = 0; k < n; k++) s += a[i, k] * b[k, j];
                            c[i, j] = s;
                        }
                    });
                }
            }
            """),
        new("peer_two_loops_in_sequence", null, """
            public static class NoWait
            {
                public static void Run(int[] a, int[] b, int[] c)
                {
                    Parallel.For(0, a.Length, i => a[i] = b[i] * 2);
                    Parallel.For(0, a.Length - 1, i => c[i] = a[i + 1] - a[i]);
                }
            }
            """),
        new("peer_loop_variable_copied_for_tasks", null, """
            public static class Closure
            {
                public static int[] Run()
                {
                    var results = new int[4];
                    var tasks = new List<Task>();
                    for (int i = 0; i < 4; i++)
                    {
                        int k = i;
                        tasks.Add(Task.Run(() => results[k] = k * k));
                    }
                    Task.WaitAll(tasks.ToArray());
                    return results;
                }
            }
            """),
        new("peer_task_per_item_marks_item", null, """
            public sealed class Order { public bool Shipped; }
            public static class Shipping
            {
                public static async Task Run(List<Order> orders)
                {
                    var tasks = new List<Task>();
                    foreach (var order in orders)
                    {
                        tasks.Add(Task.Run(() => { order.Shipped = true; }));
                    }
                    await Task.WhenAll(tasks);
                }
            }
            """),
        new("peer_plinq_indexed_select_own_slot", null, """
            public static class Copy
            {
                public static int[] Run(int[] xs)
                {
                    var results = new int[xs.Length];
                    xs.AsParallel().Select((x, i) => results[i] = x * 3).ToArray();
                    return results;
                }
            }
            """),
        new("peer_read_only_dictionary_in_for", null, """
            public static class Lookup
            {
                static readonly Dictionary<string, int> codes = new() { ["a"] = 1, ["b"] = 2 };
                public static int[] Run(string[] keys)
                {
                    var results = new int[keys.Length];
                    Parallel.For(0, keys.Length, i => results[i] = codes.TryGetValue(keys[i], out var c) ? c : -1);
                    return results;
                }
            }
            """),
        new("peer_blocking_collection_pipeline", null, """
            public static class Pipeline
            {
                public static int Run(int[] xs)
                {
                    using var queue = new BlockingCollection<int>();
                    var producer = Task.Run(() => { foreach (var x in xs) queue.Add(x); queue.CompleteAdding(); });
                    int total = 0;
                    foreach (var x in queue.GetConsumingEnumerable()) total += x;
                    producer.Wait();
                    return total;
                }
            }
            """),
        new("peer_monitor_wait_pulse_queue", null, """
            public static class Mailbox
            {
                static readonly object gate = new();
                static readonly Queue<int> items = new();
                static void Produce() { lock (gate) { items.Enqueue(1); Monitor.Pulse(gate); } }
                public static int Main()
                {
                    var t = new Thread(Produce);
                    t.Start();
                    int got;
                    lock (gate) { while (items.Count == 0) Monitor.Wait(gate); got = items.Dequeue(); }
                    t.Join();
                    return got;
                }
            }
            """),
        new("peer_loop_state_stop_on_find", null, """
            public static class Search
            {
                public static bool Run(int[] xs, int target)
                {
                    var result = Parallel.For(0, xs.Length, (i, state) => { if (xs[i] == target) state.Stop(); });
                    return !result.IsCompleted;
                }
            }
            """),
        new("peer_range_helper_over_parallel_for", null, """
            public static class Ranges
            {
                public static void For(int n, int parts, Action<int, int> body)
                {
                    int chunk = (n + parts - 1) / parts;
                    Parallel.For(0, parts, p => body(p * chunk, Math.Min(n, (p + 1) * chunk)));
                }
            }
            public static class Saxpy
            {
                public static void Run(double a, double[] x, double[] y) =>
                    Ranges.For(x.Length, 8, (start, end) => { for (int i = start; i < end; i++) y[i] += a * x[i]; });
            }
            """),
        new("peer_static_readonly_table_read", null, """
            public static class Gamma
            {
                static readonly double[] table = Enumerable.Range(0, 256).Select(v => Math.Pow(v / 255.0, 2.2)).ToArray();
                public static void Run(byte[] src, double[] dst) => Parallel.For(0, src.Length, i => dst[i] = table[src[i]]);
            }
            """),
        new("peer_parallel_for_each_own_item_field", null, """
            public sealed class Particle { public double X, V; }
            public static class Physics
            {
                public static void Step(Particle[] ps, double dt) => Parallel.ForEach(ps, p => { p.X += p.V * dt; });
            }
            """),
        new("peer_barrier_distinct_slots", null, """
            public static class Phases
            {
                public static int[] Run()
                {
                    var slots = new int[2];
                    using var barrier = new Barrier(2);
                    var a = new Thread(() => { slots[0] = 1; barrier.SignalAndWait(); });
                    var b = new Thread(() => { slots[1] = 2; barrier.SignalAndWait(); });
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                    return slots;
                }
            }
            """),
        new("peer_volatile_flag_publishes_data", null, """
            public class Publisher
            {
                private int data;
                private volatile bool ready;
                public int Run()
                {
                    var t = new Thread(() => { data = 42; ready = true; });
                    t.Start();
                    while (!ready) Thread.SpinWait(1);
                    int seen = data;
                    t.Join();
                    return seen;
                }
            }
            """),
    };
}
