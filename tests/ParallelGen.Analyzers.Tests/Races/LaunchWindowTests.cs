using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>
/// PG0108 and PG0109 (issue 13, point 1): a run-once worker runs concurrently with the code that started it until the
/// join, and with every worker started before that join; what is touched only before the start or after the join is
/// not a race.
/// </summary>
public class LaunchWindowTests
{
    [Fact]
    public Task Caller_writes_what_the_task_writes_before_awaiting_it() => RaceVerifier.VerifyAsync("""
        class C
        {
            async Task<int> Run()
            {
                int ticks = 0;
                var background = Task.Run(() => { for (int i = 0; i < 1000; i++) ticks++; });
                for (int i = 0; i < 1000; i++) {|PG0108:ticks++|};
                await background;
                return ticks;
            }
        }
        """);

    [Fact]
    public Task Touching_state_only_before_the_start_and_after_the_join_is_silent() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int total;
            int last;

            async Task<int> Run(int[] xs)
            {
                total = 0;
                last = -1;
                var list = new List<int>();
                var t = Task.Run(() => { total = xs.Sum(); last = xs[^1]; list.Add(total); });
                Console.WriteLine("working");
                await t;
                var thread = new Thread(() => total++);
                thread.Start();
                thread.Join();
                return total + last + list.Count;
            }
        }
        """);

    [Fact]
    public Task Fire_and_forget_races_with_everything_after_the_start() => RaceVerifier.VerifyAsync("""
        class C
        {
            static bool done;

            static void Run()
            {
                int result = 0;
                new Thread(() => { result = 42; {|PG0101:done = true|}; }).Start();
                Console.WriteLine({|PG0108:result|});
                if ({|PG0108:done|}) Console.WriteLine("done");
            }
        }
        """);

    [Fact]
    public Task Caller_writes_what_the_thread_reads_before_joining() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int limit = 10;

            static void Worker() { for (int i = 0; i < limit; i++) Console.WriteLine(i); }

            static void Run()
            {
                var t = new Thread(Worker);
                t.Start();
                {|PG0108:limit = 20|};
                t.Join();
                limit = 30;
            }
        }
        """);

    [Fact]
    public Task Two_threads_writing_the_same_static_through_methods_race() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int shared;

            static void Incr() { shared++; }
            static void Decr() { shared--; }

            static void Run()
            {
                var a = new Thread(Incr);
                var b = new Thread({|PG0109:Decr|});
                a.Start();
                b.Start();
                a.Join();
                b.Join();
            }
        }
        """);

    [Fact]
    public Task A_second_worker_started_after_the_first_is_joined_is_silent() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int shared;

            static async Task Run()
            {
                var a = Task.Run(() => shared++);
                await a;
                var b = Task.Run(() => shared--);
                b.Wait();
            }
        }
        """);

    [Fact]
    public Task Two_tasks_awaited_together_race_on_a_captured_list() => RaceVerifier.VerifyAsync("""
        class C
        {
            static async Task<List<string>> Run()
            {
                var names = new List<string>();
                var a = Task.Run(() => names.Add("a"));
                var b = Task.Run(() => {|PG0109:names.Add("b")|});
                await Task.WhenAll(a, b);
                return names;
            }
        }
        """);

    [Fact]
    public Task Distinct_constant_slots_written_by_different_threads_are_silent() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int[] Run()
            {
                var results = new int[2];
                Parallel.Invoke(() => results[0] = 1, () => results[1] = 2);
                var t1 = Task.Run(() => results[0]++);
                var t2 = Task.Run(() => results[1]++);
                Task.WaitAll(t1, t2);
                return results;
            }
        }
        """);

    [Fact]
    public Task The_same_constant_slot_written_by_two_threads_races() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int[] Run()
            {
                var results = new int[2];
                Parallel.Invoke(() => results[0] = 1, () => {|PG0109:results[0] = 2|});
                return results;
            }
        }
        """);

    [Fact]
    public Task A_handshake_orders_the_accesses_and_one_in_the_wrong_place_does_not() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int Ordered()
            {
                int data = 0;
                var ready = new ManualResetEventSlim();
                var t = new Thread(() => { data = 42; ready.Set(); });
                t.Start();
                ready.Wait();
                var seen = data;
                t.Join();
                return seen;
            }

            static int Unordered()
            {
                int data = 0;
                var ready = new ManualResetEventSlim();
                var t = new Thread(() => { ready.Set(); data = 42; });
                t.Start();
                ready.Wait();
                var seen = {|PG0108:data|};
                t.Join();
                return seen;
            }

            static int Counted(int[] xs)
            {
                var partial = new int[4];
                using var countdown = new CountdownEvent(4);
                for (int w = 0; w < 4; w++)
                {
                    int slot = w;
                    ThreadPool.QueueUserWorkItem(_ => { partial[slot] = xs.Length * slot; countdown.Signal(); });
                }

                countdown.Wait();
                return partial.Sum();
            }
        }
        """);

    [Fact]
    public Task Locks_must_be_the_same_and_atomic_must_be_on_both_sides() => RaceVerifier.VerifyAsync("""
        class C
        {
            static readonly object gate = new();
            static readonly object other = new();
            static int count;
            static int hits;

            static async Task Run()
            {
                var t = Task.Run(() => { lock (gate) count++; Interlocked.Increment(ref hits); });
                lock (gate) count--;
                lock (other) {|PG0108:count = 0|};
                Console.WriteLine({|PG0108:hits|});
                Console.WriteLine(Volatile.Read(ref hits));
                await t;
            }
        }
        """);

    [Fact]
    public Task Upgradeable_read_lock_is_not_exclusive_against_readers_but_a_write_lock_is() => RaceVerifier.VerifyAsync("""
        class C
        {
            static readonly ReaderWriterLockSlim rw = new();
            static readonly ReaderWriterLock legacy = new();
            static int value;
            static int other;

            static void Run()
            {
                var t = new Thread(() =>
                {
                    rw.EnterUpgradeableReadLock();
                    try { value++; } finally { rw.ExitUpgradeableReadLock(); }
                    legacy.AcquireWriterLock(1000);
                    try { other++; } finally { legacy.ReleaseWriterLock(); }
                });
                t.Start();
                rw.EnterReadLock();
                try { Console.WriteLine({|PG0108:value|}); } finally { rw.ExitReadLock(); }
                legacy.AcquireReaderLock(1000);
                try { Console.WriteLine(other); } finally { legacy.ReleaseReaderLock(); }
                t.Join();
            }
        }
        """);

    [Fact]
    public Task Launches_in_a_loop_joined_after_it_overlap_the_loop_body() => RaceVerifier.VerifyAsync("""
        class C
        {
            static async Task<int> Run(string[] files)
            {
                int pending = files.Length;
                var tasks = new List<Task>();
                foreach (var file in files)
                {
                    Console.WriteLine({|PG0108:pending|});
                    tasks.Add(Task.Run(() => Interlocked.Decrement(ref pending)));
                }

                await Task.WhenAll(tasks);
                return pending;
            }
        }
        """);

    [Fact]
    public Task Thread_arrays_volatile_flags_continuations_and_start_arguments() => RaceVerifier.VerifyAsync("""
        class Data { public int Value; }

        class C
        {
            static int shared;
            static volatile bool stop;

            static void Work() { shared++; }
            static void Fill(object? state) { ((Data)state!).Value++; }

            static void Run()
            {
                var threads = new Thread[4];
                for (int i = 0; i < threads.Length; i++)
                {
                    threads[i] = new Thread({|PG0106:Work|});
                    threads[i].Start();
                }

                foreach (var t in threads) t.Join();
                Console.WriteLine(shared);

                var poller = new Thread(() => { while (!stop) Thread.Sleep(1); });
                poller.Start();
                stop = true;
                poller.Join();

                Task.Run(() => shared = 1).ContinueWith(_ => Console.WriteLine(shared)).Wait();

                var data = new Data();
                var a = new Thread(Fill);
                var b = new Thread({|PG0109:Fill|});
                a.Start(data);
                b.Start(data);
                a.Join();
                b.Join();
            }
        }
        """);
}
