using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Issue 13 point 1, written the way another team's race-detector suite writes it: small programs that start threads,
/// tasks and pool work items by hand and join them (or not) in the shapes such suites use — thread arrays, task arrays
/// filled in loops, pool items with an event, results read through <c>Result</c>/<c>GetResult</c>.
/// </summary>
public static class PeerWindowSnippets
{
    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("peer_start_new_state_argument", "PG0108", """
            public static class Feeder
            {
                public static List<int> Run()
                {
                    var list = new List<int>();
                    var t = Task.Factory.StartNew(state => ((List<int>)state!).Add(1), list);
                    list.Add(0);
                    t.Wait();
                    return list;
                }
            }
            """),
        new("peer_thread_lambda_and_main_write_static", "PG0108", """
            public static class Program
            {
                static int x;
                public static void Main()
                {
                    var t = new Thread(() => { x = 1; });
                    t.Start();
                    x = 2;
                    t.Join();
                    System.Console.WriteLine(x);
                }
            }
            """),
        new("peer_pool_item_read_without_wait", "PG0108", """
            public static class Program
            {
                static int data;
                public static int Main()
                {
                    using var done = new ManualResetEventSlim(false);
                    ThreadPool.QueueUserWorkItem(_ => { data = 5; done.Set(); });
                    int seen = data;
                    done.Wait();
                    return seen;
                }
            }
            """),
        new("peer_field_read_before_result", "PG0108", """
            public class Job
            {
                private int progress;
                public int Run()
                {
                    var t = Task.Run(() => { progress = 10; return 1; });
                    System.Console.WriteLine(progress);
                    return t.Result;
                }
            }
            """),
        new("peer_stop_flag_plain_long_running", "PG0108", """
            public static class Spinner
            {
                public static long Run()
                {
                    bool stop = false;
                    long spins = 0;
                    var t = Task.Factory.StartNew(() => { while (!stop) spins++; }, TaskCreationOptions.LongRunning);
                    Thread.Sleep(10);
                    stop = true;
                    t.Wait();
                    return spins;
                }
            }
            """),
        new("peer_array_element_written_while_worker_sums", "PG0108", """
            public static class Buffers
            {
                public static int Run()
                {
                    var buf = new int[10];
                    var t = Task.Run(() => buf.Sum());
                    buf[3] = 7;
                    return t.Result;
                }
            }
            """),
        new("peer_caller_adds_before_when_all", "PG0108", """
            public static class Totals
            {
                public static async Task<int> Run()
                {
                    int total = 0;
                    var t1 = Task.Run(() => total += 1);
                    total += 2;
                    await Task.WhenAll(t1);
                    return total;
                }
            }
            """),
        new("peer_thread_start_argument_list", "PG0108", """
            public static class Feeder
            {
                static void Work(object? state) { ((List<int>)state!).Add(1); }
                public static List<int> Run()
                {
                    var list = new List<int>();
                    var t = new Thread(Work);
                    t.Start(list);
                    list.Add(0);
                    t.Join();
                    return list;
                }
            }
            """),
        new("peer_two_threads_add_to_static_list", "PG0109", """
            public static class Program
            {
                static readonly List<int> items = new();
                static void Producer1() { for (int i = 0; i < 100; i++) items.Add(i); }
                static void Producer2() { for (int i = 0; i < 100; i++) items.Add(-i); }
                public static void Main()
                {
                    var a = new Thread(Producer1);
                    var b = new Thread(Producer2);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                }
            }
            """),
        new("peer_thread_array_increment_static", "PG0101", """
            public static class Program
            {
                static int counter;
                public static int Main()
                {
                    var threads = new Thread[4];
                    for (int i = 0; i < threads.Length; i++)
                    {
                        threads[i] = new Thread(() => { for (int k = 0; k < 1000; k++) counter++; });
                        threads[i].Start();
                    }
                    foreach (var t in threads) t.Join();
                    return counter;
                }
            }
            """),
        new("peer_task_array_captured_sum", "PG0100", """
            public static class Program
            {
                public static int Main()
                {
                    int sum = 0;
                    var tasks = new Task[4];
                    for (int i = 0; i < tasks.Length; i++)
                    {
                        int k = i;
                        tasks[k] = Task.Factory.StartNew(() => { sum += k; });
                    }
                    Task.WaitAll(tasks);
                    return sum;
                }
            }
            """),
        new("peer_thread_started_in_constructor", "PG0102", """
            public class Sampler
            {
                private double last;
                public Sampler()
                {
                    new Thread(() => { while (true) { last = Environment.TickCount; Thread.Sleep(1); } }) { IsBackground = true }.Start();
                }
                public double Last => last;
            }
            """),
        new("peer_local_function_fire_and_forget", "PG0100", """
            public static class Clicks
            {
                public static int Run()
                {
                    int hits = 0;
                    void Fire() => Task.Run(() => hits++);
                    for (int i = 0; i < 10; i++) Fire();
                    return hits;
                }
            }
            """),
        new("peer_background_and_caller_enqueue", "PG0108", """
            public class Pipeline
            {
                private readonly Queue<string> pending = new();
                public async Task Run(string[] lines)
                {
                    var drain = Task.Run(() => { while (pending.Count > 0) pending.Dequeue(); });
                    foreach (var line in lines) pending.Enqueue(line);
                    await drain;
                }
            }
            """),
        new("peer_invoke_writer_and_reader_static", "PG0101", """
            public static class Flags
            {
                static bool ready;
                static int value;
                public static void Run()
                {
                    Parallel.Invoke(
                        () => { value = 42; ready = true; },
                        () => { if (ready) System.Console.WriteLine(value); });
                }
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("peer_thread_lambda_then_main_writes_after_join", null, """
            public static class Program
            {
                static int x;
                public static void Main()
                {
                    var t = new Thread(() => { x = 1; });
                    t.Start();
                    t.Join();
                    x = 2;
                    System.Console.WriteLine(x);
                }
            }
            """),
        new("peer_pool_item_read_after_wait", null, """
            public static class Program
            {
                static int data;
                public static int Main()
                {
                    using var done = new ManualResetEventSlim(false);
                    ThreadPool.QueueUserWorkItem(_ => { data = 5; done.Set(); });
                    done.Wait();
                    return data;
                }
            }
            """),
        new("peer_field_read_after_result", null, """
            public class Job
            {
                private int progress;
                public int Run()
                {
                    var t = Task.Run(() => { progress = 10; return 1; });
                    var r = t.Result;
                    System.Console.WriteLine(progress);
                    return r;
                }
            }
            """),
        new("peer_get_awaiter_get_result_then_read", null, """
            public static class Program
            {
                static string value = "";
                public static string Main()
                {
                    var t = Task.Run(() => value = "computed");
                    t.GetAwaiter().GetResult();
                    return value;
                }
            }
            """),
        new("peer_thread_array_own_partial_slots", null, """
            public static class Program
            {
                public static long Main(int[] data)
                {
                    const int n = 4;
                    var partial = new long[n];
                    var threads = new Thread[n];
                    for (int t = 0; t < n; t++)
                    {
                        int id = t;
                        threads[t] = new Thread(() => { for (int j = id; j < data.Length; j += n) partial[id] += data[j]; });
                        threads[t].Start();
                    }
                    foreach (var th in threads) th.Join();
                    return partial.Sum();
                }
            }
            """),
        new("peer_task_array_own_result_slots", null, """
            public static class Squares
            {
                public static int[] Run()
                {
                    var results = new int[8];
                    var tasks = new Task[8];
                    for (int i = 0; i < tasks.Length; i++)
                    {
                        int k = i;
                        tasks[k] = Task.Run(() => results[k] = k * k);
                    }
                    Task.WaitAll(tasks);
                    return results;
                }
            }
            """),
        new("peer_configure_await_then_read", null, """
            public class Loader
            {
                private string? text;
                public async Task<int> Run(string path)
                {
                    await Task.Run(() => text = path.ToUpperInvariant()).ConfigureAwait(false);
                    return text!.Length;
                }
            }
            """),
        new("peer_wait_all_two_tasks_distinct_statics", null, """
            public static class Program
            {
                static int x, y;
                public static int Main()
                {
                    var a = Task.Run(() => x = 1);
                    var b = Task.Run(() => y = 2);
                    Task.WaitAll(a, b);
                    return x + y;
                }
            }
            """),
        new("peer_invoke_reads_shared_config_only", null, """
            public static class Report
            {
                static readonly int[] thresholds = { 1, 5, 10 };
                public static (int, int) Run(int[] xs)
                {
                    int low = 0, high = 0;
                    Parallel.Invoke(
                        () => low = xs.Count(x => x < thresholds[0]),
                        () => high = xs.Count(x => x > thresholds[2]));
                    return (low, high);
                }
            }
            """),
        new("peer_thread_join_in_finally", null, """
            public static class Program
            {
                static int produced;
                public static int Main()
                {
                    var t = new Thread(() => produced = 99);
                    try { t.Start(); }
                    finally { t.Join(); }
                    return produced;
                }
            }
            """),
    };
}
