using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Issue 13 twins: racy programs and their race-free look-alikes for each kind the happens-before analysis, the
/// synchronization model, the index model and the real-code shapes cover, written as application code and as a race
/// detector's test suite writes them (threads started by hand, handshakes, locks).
/// </summary>
public static class ConcurrencySnippets
{
    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("task_run_once_races_with_caller", "PG0108", """
            public static class Ticker
            {
                public static async Task<int> Run()
                {
                    int ticks = 0;
                    var background = Task.Run(() => { for (int i = 0; i < 1000; i++) ticks++; });
                    for (int i = 0; i < 1000; i++) ticks++;
                    await background;
                    return ticks;
                }
            }
            """),
        new("thread_result_read_before_join", "PG0108", """
            public static class Program
            {
                static int result;
                static void Compute() { result = 42; }
                public static int Main()
                {
                    var t = new Thread(Compute);
                    t.Start();
                    int seen = result;
                    t.Join();
                    return seen;
                }
            }
            """),
        new("fire_and_forget_then_read", "PG0108", """
            public class Loader
            {
                private string? status;
                public string? Start()
                {
                    Task.Run(() => status = "loaded");
                    return status;
                }
            }
            """),
        new("caller_writes_config_thread_reads", "PG0108", """
            public static class Poller
            {
                static int interval = 100;
                static void Poll() { for (int i = 0; i < 10; i++) Thread.Sleep(interval); }
                public static void Run()
                {
                    var worker = new Thread(Poll);
                    worker.Start();
                    interval = 50;
                    worker.Join();
                }
            }
            """),
        new("start_new_then_write_shared_list", "PG0108", """
            public static class Collector
            {
                public static List<int> Run()
                {
                    var items = new List<int>();
                    var producer = Task.Factory.StartNew(() => { for (int i = 0; i < 100; i++) items.Add(i); });
                    items.Add(-1);
                    producer.Wait();
                    return items;
                }
            }
            """),
        new("two_threads_increment_static", "PG0109", """
            public static class DataRace
            {
                static int x;
                static void Inc() { x = x + 1; }
                public static void Main()
                {
                    var t1 = new Thread(Inc);
                    var t2 = new Thread(Inc);
                    t1.Start(); t2.Start();
                    t1.Join(); t2.Join();
                }
            }
            """),
        new("two_tasks_write_captured_total", "PG0109", """
            public static class Totals
            {
                public static async Task<long> Run(int[] a, int[] b)
                {
                    long total = 0;
                    var left = Task.Run(() => { total = a.Sum(); });
                    var right = Task.Run(() => { total = b.Sum(); });
                    await Task.WhenAll(left, right);
                    return total;
                }
            }
            """),
        new("thread_reads_while_other_writes_field", "PG0109", """
            public class Account
            {
                private decimal balance;
                void Deposit() { balance += 10; }
                void Audit() { System.Console.WriteLine(balance); }
                public void Run()
                {
                    var a = new Thread(Deposit);
                    var b = new Thread(Audit);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("invoke_same_constant_slot", "PG0109", """
            public static class Slots
            {
                public static int[] Fill()
                {
                    var slots = new int[2];
                    Parallel.Invoke(() => slots[0] = 1, () => slots[0] = 2);
                    return slots;
                }
            }
            """),
        new("event_set_before_write", "PG0108", """
            public static class Handoff
            {
                public static int Run()
                {
                    int payload = 0;
                    using var ready = new ManualResetEvent(false);
                    var t = new Thread(() => { ready.Set(); payload = 7; });
                    t.Start();
                    ready.WaitOne();
                    int got = payload;
                    t.Join();
                    return got;
                }
            }
            """),
        new("different_locks_protect_counter", "PG0108", """
            public static class Locks
            {
                static readonly object a = new();
                static readonly object b = new();
                static int count;
                public static void Run()
                {
                    var t = new Thread(() => { lock (a) count++; });
                    t.Start();
                    lock (b) count++;
                    t.Join();
                }
            }
            """),
        new("interlocked_vs_plain_read", "PG0108", """
            public static class Progress
            {
                static int done;
                public static void Run(int n)
                {
                    var t = Task.Run(() => { for (int i = 0; i < n; i++) Interlocked.Increment(ref done); });
                    System.Console.WriteLine(done);
                    t.Wait();
                }
            }
            """),
        new("upgradeable_lock_written_read_lock_read", "PG0108", """
            public static class Registry
            {
                static readonly ReaderWriterLockSlim rw = new();
                static int version;
                public static void Run()
                {
                    var t = new Thread(() => { rw.EnterUpgradeableReadLock(); try { version++; } finally { rw.ExitUpgradeableReadLock(); } });
                    t.Start();
                    rw.EnterReadLock();
                    try { System.Console.WriteLine(version); } finally { rw.ExitReadLock(); }
                    t.Join();
                }
            }
            """),
        new("prefix_sum_reads_neighbour", "PG0110", """
            public static class Prefix
            {
                public static void Sum(long[] values)
                {
                    Parallel.For(1, values.Length, i => values[i] += values[i - 1]);
                }
            }
            """),
        new("stencil_reads_next", "PG0110", """
            public static class Blur
            {
                public static void Run(float[] row)
                {
                    Parallel.For(0, row.Length - 1, i => { row[i] = (row[i] + row[i + 1]) / 2; });
                }
            }
            """),
        new("helper_parallel_for_writes_field", "PG0102", """
            public static class Par
            {
                public static void For(int n, Action<int> body) => Parallel.For(0, n, body);
            }

            public class Histogram
            {
                private int max;
                public void Build(int[] values) => Par.For(values.Length, i => { if (values[i] > max) max = values[i]; });
            }
            """),
        new("helper_task_wrapper_shared_list", "PG0103", """
            public static class Background
            {
                public static Task RunAll(int count, Action<int> work)
                {
                    var tasks = new Task[count];
                    for (int i = 0; i < count; i++) { int k = i; tasks[i] = Task.Run(() => work(k)); }
                    return Task.WhenAll(tasks);
                }
            }

            public static class Crawl
            {
                public static async Task<List<string>> Run(string[] urls)
                {
                    var seen = new List<string>();
                    await Background.RunAll(urls.Length, i => seen.Add(urls[i]));
                    return seen;
                }
            }
            """),
        new("plinq_query_syntax_counter", "PG0100", """
            public static class Query
            {
                public static int[] Run(int[] xs)
                {
                    int calls = 0;
                    var q = (from x in xs.AsParallel() where ++calls > 0 select x * 2).ToArray();
                    return q;
                }
            }
            """),
        new("ref_helper_plain_increment", "PG0106", """
            public static class Tally
            {
                static void Bump(ref int counter) => counter++;
                public static int Run(int[] xs)
                {
                    int hits = 0;
                    Parallel.ForEach(xs, x => { if (x > 0) Bump(ref hits); });
                    return hits;
                }
            }
            """),
        new("process_writes_shared_slot_through_call", "PG0106", """
            public class Pipeline
            {
                private readonly double[] buffer = new double[16];
                private void Store(int slot, double value) { buffer[slot] = value; }
                public void Run(double[] input)
                {
                    Parallel.For(0, input.Length, i => Store(0, input[i]));
                }
            }
            """),
        new("items_with_duplicate_keys_check_then_act", "PG0107", """
            public static class Orders
            {
                public static void Run(ConcurrentDictionary<string, int> stock, List<string> skus)
                {
                    Parallel.ForEach(skus, sku =>
                    {
                        if (stock.TryGetValue(sku, out var left)) stock[sku] = left - 1;
                    });
                }
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("task_run_joined_before_caller_reads", null, """
            public static class Ticker
            {
                public static async Task<int> Run()
                {
                    int ticks = 0;
                    var background = Task.Run(() => { for (int i = 0; i < 1000; i++) ticks++; });
                    await background;
                    for (int i = 0; i < 1000; i++) ticks++;
                    return ticks;
                }
            }
            """),
        new("thread_result_read_after_join", null, """
            public static class Program
            {
                static int result;
                static void Compute() { result = 42; }
                public static int Main()
                {
                    var t = new Thread(Compute);
                    t.Start();
                    t.Join();
                    return result;
                }
            }
            """),
        new("awaited_task_run_writes_static", null, """
            public static class Cache
            {
                static string[] lines = Array.Empty<string>();
                public static async Task Reload(string text)
                {
                    await Task.Run(() => lines = text.Split('\n'));
                    System.Console.WriteLine(lines.Length);
                }
            }
            """),
        new("config_written_before_start", null, """
            public static class Poller
            {
                static int interval = 100;
                static void Poll() { for (int i = 0; i < 10; i++) Thread.Sleep(interval); }
                public static void Run()
                {
                    interval = 50;
                    var worker = new Thread(Poll);
                    worker.Start();
                    worker.Join();
                    interval = 100;
                }
            }
            """),
        new("two_threads_sequenced_by_join", null, """
            public static class NoRace
            {
                static int x;
                static void Inc() { x = x + 1; }
                public static void Main()
                {
                    var t1 = new Thread(Inc);
                    t1.Start();
                    t1.Join();
                    var t2 = new Thread(Inc);
                    t2.Start();
                    t2.Join();
                }
            }
            """),
        new("two_tasks_write_distinct_captured", null, """
            public static class Totals
            {
                public static async Task<long> Run(int[] a, int[] b)
                {
                    long left = 0, right = 0;
                    var l = Task.Run(() => { left = a.Sum(); });
                    var r = Task.Run(() => { right = b.Sum(); });
                    await Task.WhenAll(l, r);
                    return left + right;
                }
            }
            """),
        new("two_threads_same_lock", null, """
            public class Account
            {
                private readonly object gate = new();
                private decimal balance;
                void Deposit() { lock (gate) balance += 10; }
                void Audit() { lock (gate) System.Console.WriteLine(balance); }
                public void Run()
                {
                    var a = new Thread(Deposit);
                    var b = new Thread(Audit);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("invoke_distinct_constant_slots", null, """
            public static class Slots
            {
                public static int[] Fill()
                {
                    var slots = new int[2];
                    Parallel.Invoke(() => slots[0] = 1, () => slots[1] = 2);
                    return slots;
                }
            }
            """),
        new("event_set_after_write", null, """
            public static class Handoff
            {
                public static int Run()
                {
                    int payload = 0;
                    using var ready = new ManualResetEvent(false);
                    var t = new Thread(() => { payload = 7; ready.Set(); });
                    t.Start();
                    ready.WaitOne();
                    int got = payload;
                    t.Join();
                    return got;
                }
            }
            """),
        new("countdown_event_orders_results", null, """
            public static class Fan
            {
                public static int Run(int[] xs)
                {
                    var parts = new int[4];
                    using var done = new CountdownEvent(4);
                    for (int w = 0; w < 4; w++)
                    {
                        int slot = w;
                        ThreadPool.QueueUserWorkItem(_ => { parts[slot] = xs.Length + slot; done.Signal(); });
                    }
                    done.Wait();
                    return parts.Sum();
                }
            }
            """),
        new("barrier_orders_phases", null, """
            public static class Phases
            {
                public static int Run()
                {
                    int shared = 0;
                    using var barrier = new Barrier(2);
                    var t = new Thread(() => { shared = 1; barrier.SignalAndWait(); });
                    t.Start();
                    barrier.SignalAndWait();
                    int seen = shared;
                    t.Join();
                    return seen;
                }
            }
            """),
        new("semaphore_slim_as_signal", null, """
            public static class Signal
            {
                public static async Task<string> Run()
                {
                    string message = "";
                    using var ready = new SemaphoreSlim(0);
                    var t = Task.Run(() => { message = "hello"; ready.Release(); });
                    await ready.WaitAsync();
                    var seen = message;
                    await t;
                    return seen;
                }
            }
            """),
        new("interlocked_on_both_sides", null, """
            public static class Progress
            {
                static int done;
                public static void Run(int n)
                {
                    var t = Task.Run(() => { for (int i = 0; i < n; i++) Interlocked.Increment(ref done); });
                    System.Console.WriteLine(Volatile.Read(ref done));
                    t.Wait();
                }
            }
            """),
        new("write_lock_vs_read_lock", null, """
            public static class Registry
            {
                static readonly ReaderWriterLockSlim rw = new();
                static readonly ReaderWriterLock legacy = new();
                static int version;
                static int epoch;
                public static void Run()
                {
                    var t = new Thread(() =>
                    {
                        rw.EnterWriteLock(); try { version++; } finally { rw.ExitWriteLock(); }
                        legacy.AcquireWriterLock(1000); try { epoch++; } finally { legacy.ReleaseWriterLock(); }
                    });
                    t.Start();
                    rw.EnterReadLock();
                    try { System.Console.WriteLine(version); } finally { rw.ExitReadLock(); }
                    legacy.AcquireReaderLock(1000);
                    try { System.Console.WriteLine(epoch); } finally { legacy.ReleaseReaderLock(); }
                    t.Join();
                }
            }
            """),
        new("synchronized_array_list", null, """
            public static class Log
            {
                public static int Run(string[] lines)
                {
                    var log = System.Collections.ArrayList.Synchronized(new System.Collections.ArrayList());
                    Parallel.ForEach(lines, l => log.Add(l));
                    return log.Count;
                }
            }
            """),
        new("prefix_sum_from_copy", null, """
            public static class Prefix
            {
                public static void Shift(long[] values)
                {
                    var previous = (long[])values.Clone();
                    Parallel.For(1, values.Length, i => values[i] = previous[i - 1]);
                }
            }
            """),
        new("row_major_index_arithmetic", null, """
            public static class Image
            {
                public static void Clear(byte[] pixels, int width, int height)
                {
                    Parallel.For(0, height, y => { for (int x = 0; x < width; x++) pixels[y * width + x] = 0; });
                }
            }
            """),
        new("process_writes_own_slot_through_call", null, """
            public class Pipeline
            {
                private readonly double[] buffer = new double[16];
                private void Store(int slot, double value) { buffer[slot] = value; }
                public void Run(double[] input)
                {
                    Parallel.For(0, input.Length, i => Store(i, input[i] * 2));
                }
            }
            """),
        new("partition_ranges_disjoint", null, """
            public static class Chunks
            {
                public static void Scale(double[] data, double k)
                {
                    Parallel.ForEach(Partitioner.Create(0, data.Length), range =>
                    {
                        for (int i = range.Item1; i < range.Item2; i++) data[i] *= k;
                    });
                }
            }
            """),
        new("item_carries_its_index", null, """
            public sealed record Job(int Slot, string Name);
            public static class Runner
            {
                public static int[] Run(Job[] jobs)
                {
                    var lengths = new int[jobs.Length];
                    Parallel.ForEach(jobs, job => lengths[job.Slot] = job.Name.Length);
                    return lengths;
                }
            }
            """),
        new("check_then_act_on_own_key", null, """
            public static class Memo
            {
                public static void Fill(ConcurrentDictionary<int, long> squares, int n)
                {
                    Parallel.For(0, n, i =>
                    {
                        if (!squares.ContainsKey(i)) squares[i] = (long)i * i;
                    });
                }
            }
            """),
        new("thread_static_behind_property", null, """
            public static class Scratch
            {
                [ThreadStatic] private static List<int>? buffer;
                private static List<int> Buffer => buffer ??= new List<int>();
                public static void Run(int[] xs) => Parallel.ForEach(xs, x => { Buffer.Clear(); Buffer.Add(x); });
            }
            """),
        new("degree_one_branch", null, """
            public static class Ordered
            {
                public static int Run(int[] xs)
                {
                    int sum = 0;
                    Parallel.ForEach(xs, new ParallelOptions { MaxDegreeOfParallelism = 1 }, x => sum += x);
                    return sum;
                }
            }
            """),
        new("ref_helper_with_interlocked", null, """
            public static class Tally
            {
                static void Bump(ref int counter) => Interlocked.Increment(ref counter);
                public static int Run(int[] xs)
                {
                    int hits = 0;
                    Parallel.ForEach(xs, x => { if (x > 0) Bump(ref hits); });
                    return hits;
                }
            }
            """),
        new("callee_locks_field_update", null, """
            public class Stats
            {
                private readonly object gate = new();
                private long total;
                private void Add(long v) { lock (gate) { total += v; } }
                public long Run(int[] xs)
                {
                    Parallel.ForEach(xs, x => Add(x));
                    return total;
                }
            }
            """),
        new("helper_parallel_for_own_slots", null, """
            public static class Par
            {
                public static void For(int n, Action<int> body) => Parallel.For(0, n, body);
            }

            public static class Squares
            {
                public static int[] Of(int[] xs)
                {
                    var result = new int[xs.Length];
                    Par.For(xs.Length, i => result[i] = xs[i] * xs[i]);
                    return result;
                }
            }
            """),
    };
}
