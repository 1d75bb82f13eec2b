using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>Issue point 3: safe code that must stay silent, one test per item.</summary>
public class NeverFlaggedTests
{
    [Fact]
    public Task Locals_and_objects_created_inside_the_worker() => RaceVerifier.VerifyAsync("""
        static partial class Text
        {
            [Parallelizable]
            public static string Join(string[] parts)
            {
                var sb = new StringBuilder();
                var seen = new HashSet<string>();
                int count = 0;
                foreach (var p in parts) { if (seen.Add(p)) { sb.Append(p); count++; } }
                var list = new List<int> { 1, 2 };
                list.Add(count);
                return sb.ToString();
            }

            public static void Run(string[] words) => Parallel.ForEach(words, w =>
            {
                var local = new Dictionary<string, int>();
                local[w] = 1;
                int n = 0;
                n += w.Length;
            });
        }
        """);

    [Fact]
    public Task Value_type_parameters_written_in_the_worker() => RaceVerifier.VerifyAsync("""
        static partial class MathOps
        {
            [Parallelizable]
            public static int Clamp(int value, int max)
            {
                if (value > max) value = max;
                max--;
                return value;
            }

            public static void Run() => Parallel.For(0, 10, i => { i++; });
        }
        """);

    [Fact]
    public Task Immutable_values_string_records_readonly_structs_Immutable_and_Frozen_collections() => RaceVerifier.VerifyAsync("""
        public sealed record Point(int X, int Y);
        public readonly struct Size { public Size(int w) { W = w; } public int W { get; } }

        static partial class Shapes
        {
            static readonly string Prefix = "p";
            static readonly ImmutableList<int> Primes = ImmutableList.Create(2, 3, 5);
            static readonly ImmutableDictionary<string, int> Codes = ImmutableDictionary<string, int>.Empty;
            static readonly FrozenSet<string> Known = new[] { "a" }.ToFrozenSet();
            static readonly FrozenDictionary<string, int> Map = new Dictionary<string, int>().ToFrozenDictionary();

            [Parallelizable]
            public static int Measure(Point p, Size s, string name)
            {
                var moved = p with { X = p.X + 1 };
                var more = Primes.Add(7);
                var codes = Codes.SetItem(name, 1);
                var label = Prefix + name.ToUpperInvariant();
                return moved.X + s.W + more.Count + codes.Count + (Known.Contains(label) ? 1 : 0) + Map.Count;
            }
        }
        """);

    [Fact]
    public Task Concurrent_collections_and_channels() => RaceVerifier.VerifyAsync("""
        static partial class Collect
        {
            static readonly ConcurrentDictionary<string, int> Counts = new();
            static readonly ConcurrentBag<string> Bag = new();
            static readonly ConcurrentQueue<int> Queue = new();
            static readonly Channel<string> Output = Channel.CreateUnbounded<string>();

            [Parallelizable]
            public static async Task Handle(string item)
            {
                Counts.AddOrUpdate(item, 1, (_, n) => n + 1);
                Counts.GetOrAdd(item, k => k.Length);
                Counts.TryAdd(item, 0);
                Bag.Add(item);
                Queue.Enqueue(item.Length);
                await Output.Writer.WriteAsync(item);
            }
        }
        """);

    [Fact]
    public Task Interlocked_and_Volatile() => RaceVerifier.VerifyAsync("""
        partial class Counters
        {
            static int hits;
            static long bytes;
            int instances;
            bool stop;

            [Parallelizable]
            public void Hit(byte[] data)
            {
                Interlocked.Increment(ref hits);
                Interlocked.Add(ref bytes, data.Length);
                Interlocked.Increment(ref instances);
                Volatile.Write(ref stop, true);
                int sum = 0;
                Parallel.For(0, data.Length, i => Interlocked.Add(ref sum, data[i]));
            }
        }
        """);

#if !ROSLYN4_8 // a Lock.Scope using in an async method needs C# 13
    [Fact]
    public Task Lock_Monitor_Lock_EnterScope_and_SemaphoreSlim_around_the_access() => RaceVerifier.VerifyAsync("""
        partial class Guarded
        {
            static readonly object gate = new();
            static readonly Lock newLock = new();
            static readonly SemaphoreSlim semaphore = new(1, 1);
            static readonly List<string> log = new();
            static int count;
            int total;

            [Parallelizable]
            public async Task Work(string item)
            {
                lock (gate) { count++; log.Add(item); }

                Monitor.Enter(gate);
                try { total += item.Length; }
                finally { Monitor.Exit(gate); }

                bool taken = false;
                try { Monitor.Enter(gate, ref taken); count--; }
                finally { if (taken) Monitor.Exit(gate); }

                using (newLock.EnterScope()) { log.Add(item); }

                await semaphore.WaitAsync();
                try { log.Add(item); count++; }
                finally { semaphore.Release(); }

                semaphore.Wait();
                total++;
                semaphore.Release();
            }

            public void Sum(int[] xs)
            {
                int sum = 0;
                Parallel.ForEach(xs, x => { lock (gate) { sum += x; } });
                Parallel.ForEach(xs, x => { using var scope = newLock.EnterScope(); sum += x; });
            }
        }
        """);
#endif

    [Fact]
    public Task ThreadStatic_ThreadLocal_and_AsyncLocal() => RaceVerifier.VerifyAsync("""
        static partial class PerThread
        {
            [ThreadStatic] static int depth;
            [ThreadStatic] static StringBuilder? buffer;
            static readonly ThreadLocal<Random> rng = new(() => new Random());
            static readonly ThreadLocal<List<int>> scratch = new(() => new List<int>());
            static readonly AsyncLocal<string?> user = new();

            [Parallelizable]
            public static int Work(int x)
            {
                depth++;
                buffer ??= new StringBuilder();
                buffer.Append(x);
                scratch.Value!.Add(x);
                user.Value = "u" + x;
                return rng.Value!.Next(x);
            }
        }
        """);

    [Fact]
    public Task Random_Shared() => RaceVerifier.VerifyAsync("""
        static partial class Dice
        {
            [Parallelizable]
            public static int Roll(int sides) => Random.Shared.Next(sides);

            public static void Shuffle(int[] xs) => Parallel.For(0, xs.Length, i => xs[i] = Random.Shared.Next());
        }
        """);

    [Fact]
    public Task Results_written_at_the_loop_index_of_Parallel_For() => RaceVerifier.VerifyAsync("""
        class C
        {
            double[] Squares(double[] input)
            {
                var results = new double[input.Length];
                var names = new List<string>(new string[input.Length]);
                Parallel.For(0, input.Length, i =>
                {
                    results[i] = input[i] * input[i];
                    names[i] = i.ToString();
                });
                Parallel.For(0, input.Length, i => results[i] += 1);
                var grid = new double[input.Length, 3];
                Parallel.For(0, input.Length, i => { int row = i; results[row] = grid[i, 0]; grid[i, 1] = row; });
                return results;
            }
        }
        """);

    [Fact]
    public Task Static_constructors_and_Lazy() => RaceVerifier.VerifyAsync("""
        static partial class Config
        {
            static readonly Dictionary<string, string> settings = new();
            static int loads;
            static readonly Lazy<string> connection = new(() => { loads++; return "db"; });

            static Config()
            {
                settings["mode"] = "fast";
                loads = 0;
            }

            [Parallelizable]
            public static string Read(string key) => connection.Value + (settings.TryGetValue(key, out var v) ? v : "");
        }
        """);

    [Fact]
    public Task Code_that_is_not_a_worker() => RaceVerifier.VerifyAsync("""
        class Sequential
        {
            static int count;
            int total;
            readonly List<int> items = new();

            void Run(int[] xs)
            {
                int sum = 0;
                foreach (var x in xs) { sum += x; count++; total += x; items.Add(x); }
                xs.ToList().ForEach(x => sum += x);
                Func<int, int> f = x => count += x;
                xs.Select(x => total += x).ToList();
            }
        }
        """);
}
