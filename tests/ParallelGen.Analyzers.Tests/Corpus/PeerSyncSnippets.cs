using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Issue 13 point 2 (consistent synchronization) and the handshakes, in the shapes a peer suite uses: a lock on one
/// side only, locks on different or fresh objects, <c>Volatile</c>/<c>Interlocked</c> against plain accesses, writes
/// under a read lock, signals given before or after the access they should publish.
/// </summary>
public static class PeerSyncSnippets
{
    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("peer_spin_lock_released_before_write", "PG0109", """
            public static class Program
            {
                static int held;
                static int shared;
                static void Work()
                {
                    for (int i = 0; i < 100; i++)
                    {
                        while (Interlocked.CompareExchange(ref held, 1, 0) != 0) Thread.SpinWait(1);
                        Volatile.Write(ref held, 0);
                        shared++;
                    }
                }
                public static void Main()
                {
                    var a = new Thread(Work);
                    var b = new Thread(Work);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_lock_in_one_thread_only", "PG0109", """
            public static class Program
            {
                static readonly object gate = new();
                static int shared;
                static void Locked() { lock (gate) { shared++; } }
                static void Unlocked() { shared++; }
                public static void Main()
                {
                    var a = new Thread(Locked);
                    var b = new Thread(Unlocked);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_lock_this_vs_lock_gate", "PG0109", """
            public class Counter
            {
                private readonly object gate = new();
                private int count;
                void A() { lock (this) count++; }
                void B() { lock (gate) count++; }
                public void Run()
                {
                    var a = Task.Run(A);
                    var b = Task.Run(B);
                    Task.WaitAll(a, b);
                }
            }
            """),
        new("peer_volatile_write_vs_plain_increment", "PG0109", """
            public static class Program
            {
                static int x;
                public static void Main()
                {
                    var a = new Thread(() => Volatile.Write(ref x, 1));
                    var b = new Thread(() => x++);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_monitor_enter_one_side", "PG0109", """
            public static class Program
            {
                static readonly object gate = new();
                static long total;
                public static void Main()
                {
                    var a = new Thread(() => { Monitor.Enter(gate); try { total += 2; } finally { Monitor.Exit(gate); } });
                    var b = new Thread(() => { total += 3; });
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_semaphore_one_side", "PG0109", """
            public static class Program
            {
                static readonly SemaphoreSlim sem = new(1, 1);
                static int value;
                public static async Task Main()
                {
                    var a = Task.Run(async () => { await sem.WaitAsync(); try { value++; } finally { sem.Release(); } });
                    var b = Task.Run(() => { value--; });
                    await Task.WhenAll(a, b);
                }
            }
            """),
        new("peer_write_under_read_lock", "PG0109", """
            public static class Program
            {
                static readonly ReaderWriterLockSlim rw = new();
                static int hits;
                static void Touch() { rw.EnterReadLock(); try { hits++; } finally { rw.ExitReadLock(); } }
                public static void Main()
                {
                    var a = new Thread(Touch);
                    var b = new Thread(Touch);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_interlocked_worker_plain_reset", "PG0108", """
            public static class Meter
            {
                static int count;
                public static void Run()
                {
                    var t = Task.Run(() => { for (int i = 0; i < 100; i++) Interlocked.Increment(ref count); });
                    count = 0;
                    t.Wait();
                }
            }
            """),
        new("peer_lock_on_fresh_object_per_item", "PG0100", """
            public static class Sum
            {
                public static long Run(int[] xs)
                {
                    long total = 0;
                    Parallel.For(0, xs.Length, i => { lock (new object()) { total += xs[i]; } });
                    return total;
                }
            }
            """),
        new("peer_lock_on_item_guards_shared_total", "PG0102", """
            public sealed class Node { public int Weight; }
            public class Graph
            {
                private long total;
                public long Run(List<Node> nodes)
                {
                    Parallel.ForEach(nodes, n => { lock (n) { total += n.Weight; } });
                    return total;
                }
            }
            """),
        new("peer_lock_only_in_one_branch", "PG0100", """
            public static class Balance
            {
                public static int Run(int[] moves)
                {
                    var gate = new object();
                    int balance = 0;
                    Parallel.ForEach(moves, m =>
                    {
                        if (m > 0) { lock (gate) balance += m; }
                        else balance += m;
                    });
                    return balance;
                }
            }
            """),
        new("peer_countdown_signal_before_add", "PG0108", """
            public static class Gather
            {
                public static int Run()
                {
                    var results = new List<int>();
                    using var cde = new CountdownEvent(1);
                    var t = new Thread(() => { cde.Signal(); results.Add(1); });
                    t.Start();
                    cde.Wait();
                    int n = results.Count;
                    t.Join();
                    return n;
                }
            }
            """),
        new("peer_tcs_set_before_write", "PG0108", """
            public static class Handoff
            {
                static int value;
                public static async Task<int> Run()
                {
                    var tcs = new TaskCompletionSource<bool>();
                    var t = Task.Run(() => { tcs.SetResult(true); value = 5; });
                    await tcs.Task;
                    int seen = value;
                    await t;
                    return seen;
                }
            }
            """),
        new("peer_semaphore_release_before_write", "PG0108", """
            public static class Signal
            {
                static string status = "";
                public static string Run()
                {
                    using var sem = new SemaphoreSlim(0);
                    var t = new Thread(() => { sem.Release(); status = "done"; });
                    t.Start();
                    sem.Wait();
                    var s = status;
                    t.Join();
                    return s;
                }
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("peer_hand_written_spin_lock", null, """
            public static class Program
            {
                static int held;
                static int shared;
                static void Work()
                {
                    for (int i = 0; i < 100; i++)
                    {
                        while (Interlocked.CompareExchange(ref held, 1, 0) != 0) Thread.SpinWait(1);
                        shared++;
                        Volatile.Write(ref held, 0);
                    }
                }
                public static void Main()
                {
                    var a = new Thread(Work);
                    var b = new Thread(Work);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_lock_typeof_both_threads", null, """
            public static class Program
            {
                static int shared;
                static void Work() { lock (typeof(Program)) { shared++; } }
                public static void Main()
                {
                    var a = new Thread(Work);
                    var b = new Thread(Work);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_monitor_try_enter_both_threads", null, """
            public static class Program
            {
                static readonly object gate = new();
                static int shared;
                static void Work()
                {
                    if (Monitor.TryEnter(gate, 100))
                    {
                        try { shared++; }
                        finally { Monitor.Exit(gate); }
                    }
                }
                public static void Main()
                {
                    var a = new Thread(Work);
                    var b = new Thread(Work);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_lock_same_static_gate_two_methods", null, """
            public static class Registry
            {
                static readonly object gate = new();
                static readonly List<string> names = new();
                static void Add() { lock (gate) names.Add("a"); }
                static void Remove() { lock (gate) names.Remove("a"); }
                public static void Main()
                {
                    var a = new Thread(Add);
                    var b = new Thread(Remove);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_semaphore_both_sides_async", null, """
            public static class Program
            {
                static readonly SemaphoreSlim sem = new(1, 1);
                static int value;
                static async Task Bump(int d) { await sem.WaitAsync(); try { value += d; } finally { sem.Release(); } }
                public static async Task Main()
                {
                    var a = Task.Run(() => Bump(1));
                    var b = Task.Run(() => Bump(-1));
                    await Task.WhenAll(a, b);
                }
            }
            """),
        new("peer_write_lock_both_threads", null, """
            public static class Program
            {
                static readonly ReaderWriterLockSlim rw = new();
                static int hits;
                static void Touch() { rw.EnterWriteLock(); try { hits++; } finally { rw.ExitWriteLock(); } }
                public static void Main()
                {
                    var a = new Thread(Touch);
                    var b = new Thread(Touch);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_monitor_enter_ref_taken_in_for", null, """
            public static class Sum
            {
                public static long Run(int[] xs)
                {
                    var gate = new object();
                    long total = 0;
                    Parallel.For(0, xs.Length, i =>
                    {
                        bool taken = false;
                        try { Monitor.Enter(gate, ref taken); total += xs[i]; }
                        finally { if (taken) Monitor.Exit(gate); }
                    });
                    return total;
                }
            }
            """),
        new("peer_cas_loop_double_total", null, """
            public static class Sum
            {
                public static double Run(double[] xs)
                {
                    double total = 0;
                    Parallel.For(0, xs.Length, i =>
                    {
                        double seen, updated;
                        do { seen = total; updated = seen + xs[i]; }
                        while (seen != Interlocked.CompareExchange(ref total, updated, seen));
                    });
                    return total;
                }
            }
            """),
        new("peer_lazy_initializer_in_foreach", null, """
            public class Catalog
            {
                private Dictionary<string, int>? index;
                public void Run(string[] keys)
                {
                    Parallel.ForEach(keys, k =>
                    {
                        var map = LazyInitializer.EnsureInitialized(ref index, () => new Dictionary<string, int>());
                        System.Console.WriteLine(map.Count + k.Length);
                    });
                }
            }
            """),
        new("peer_interlocked_workers_read_after_wait_all", null, """
            public static class Meter
            {
                static long bytes;
                public static long Run(int[] sizes)
                {
                    var tasks = sizes.Select(s => Task.Run(() => Interlocked.Add(ref bytes, s))).ToArray();
                    Task.WaitAll(tasks);
                    return Volatile.Read(ref bytes);
                }
            }
            """),
        new("peer_tcs_set_after_write", null, """
            public static class Handoff
            {
                static int value;
                public static async Task<int> Run()
                {
                    var tcs = new TaskCompletionSource<bool>();
                    var t = Task.Run(() => { value = 5; tcs.SetResult(true); });
                    await tcs.Task;
                    int seen = value;
                    await t;
                    return seen;
                }
            }
            """),
        new("peer_main_writes_then_signals_go", null, """
            public static class Program
            {
                static int config;
                public static int Main()
                {
                    using var go = new ManualResetEventSlim(false);
                    int seen = 0;
                    var t = new Thread(() => { go.Wait(); seen = config; });
                    t.Start();
                    config = 5;
                    go.Set();
                    t.Join();
                    return seen;
                }
            }
            """),
        new("peer_semaphore_release_after_write", null, """
            public static class Signal
            {
                static string status = "";
                public static string Run()
                {
                    using var sem = new SemaphoreSlim(0);
                    var t = new Thread(() => { status = "done"; sem.Release(); });
                    t.Start();
                    sem.Wait();
                    var s = status;
                    t.Join();
                    return s;
                }
            }
            """),
        new("peer_auto_reset_event_publishes", null, """
            public static class Program
            {
                static int data;
                public static int Main()
                {
                    using var ready = new AutoResetEvent(false);
                    var t = new Thread(() => { data = 1; ready.Set(); });
                    t.Start();
                    ready.WaitOne();
                    int seen = data;
                    t.Join();
                    return seen;
                }
            }
            """),
    };
}
