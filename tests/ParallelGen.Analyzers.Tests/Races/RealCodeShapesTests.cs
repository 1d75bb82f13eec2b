using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>
/// Issue 13, points 4 and 5: what real code does safely stays silent (per-item slots reached through calls, index
/// arithmetic, item-carried indices, partitions, the item's own key, per-thread helpers, a degree of 1, a callee's own
/// Interlocked or lock), and a library's own launcher helper makes its lambdas workers.
/// </summary>
public class RealCodeShapesTests
{
    [Fact]
    public Task Each_work_item_writing_its_own_slot_is_silent() => RaceVerifier.VerifyAsync("""
        class Image
        {
            readonly float[] pixels = new float[1024];
            readonly int width = 32;

            void Process(int i) { pixels[i] = pixels[i] * 0.5f; }

            public void Run(Item[] items, int rows)
            {
                Parallel.For(0, pixels.Length, i => Process(i));
                Parallel.For(0, rows, y =>
                {
                    for (int x = 0; x < width; x++) pixels[y * width + x] = 0;
                });
                Parallel.ForEach(items, item => pixels[item.Index] = item.Value);
                Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, pixels.Length), range =>
                {
                    for (int k = range.Item1; k < range.Item2; k++) pixels[k] = 1;
                });
            }
        }

        record Item(int Index, float Value);
        """);

    [Fact]
    public Task Neighbour_element_read_is_reported_and_distinct_index_is_not() => RaceVerifier.VerifyAsync("""
        class Scan
        {
            static void Run(double[] a, double[] x)
            {
                Parallel.For(1, a.Length, i => { a[i] = {|PG0110:a[i - 1]|} + x[i]; });
                Parallel.For(0, a.Length, i => { a[i] = a[i] * 2 + x[i]; });
            }
        }
        """);

    [Fact]
    public Task Callee_Interlocked_or_lock_makes_the_write_synchronized() => RaceVerifier.VerifyAsync("""
        class Counter
        {
            static readonly object gate = new();
            long total;

            static void AddTo(ref long target, long value) => Interlocked.Add(ref target, value);
            static void Bump(ref int target) { target++; }
            void Record(long value) { lock (gate) total += value; }

            public long Run(int[] data)
            {
                long sum = 0;
                int plain = 0;
                Parallel.For(0, data.Length, i =>
                {
                    AddTo(ref sum, data[i]);
                    Record(data[i]);
                    {|PG0106:Bump(ref plain)|};
                });
                return sum + plain + total;
            }
        }
        """);

    [Fact]
    public Task Check_then_act_on_the_items_own_key_is_silent() => RaceVerifier.VerifyAsync("""
        class Cache
        {
            static ConcurrentDictionary<string, int> Lengths(string[] words)
            {
                var lengths = new ConcurrentDictionary<string, int>();
                Parallel.ForEach(words.Distinct(), w =>
                {
                    if (!lengths.ContainsKey(w)) lengths[w] = w.Length;
                });
                return lengths;
            }
        }
        """);

    [Fact]
    public Task Per_thread_instance_behind_a_property_is_silent() => RaceVerifier.VerifyAsync("""
        class Buffers
        {
            [ThreadStatic] static List<int>? scratch;
            static readonly ThreadLocal<StringBuilder> builder = new(() => new StringBuilder());

            static List<int> Scratch => scratch ??= new List<int>();
            static StringBuilder Builder => builder.Value!;

            static void Run(int[] xs)
            {
                Parallel.ForEach(xs, x =>
                {
                    Scratch.Add(x);
                    Builder.Append(x);
                });
            }
        }
        """);

    [Fact]
    public Task Degree_of_one_runs_items_in_order_and_is_silent() => RaceVerifier.VerifyAsync("""
        class Sequential
        {
            static int Run(int[] xs)
            {
                int sum = 0;
                Parallel.For(0, xs.Length, new ParallelOptions { MaxDegreeOfParallelism = 1 }, i => sum += xs[i]);
                xs.AsParallel().WithDegreeOfParallelism(1).ForAll(x => sum += x);
                return sum;
            }
        }
        """);

    [Fact]
    public Task A_library_helper_that_hands_its_delegate_to_Parallel_For_makes_lambdas_workers() => RaceVerifier.VerifyAsync("""
        static class Parallelism
        {
            public static void ParallelFor(int from, int to, Action<int> body)
            {
                if (to - from < 2) { for (int i = from; i < to; i++) body(i); return; }
                Parallel.For(from, to, i => body(i));
            }

            public static void Rows(int count, Action<int> row) => ParallelFor(0, count, row);
        }

        class Matrix
        {
            double total;
            readonly double[] cells = new double[100];

            public void Sum()
            {
                Parallelism.ParallelFor(0, cells.Length, i => { {|PG0102:total += cells[i]|}; });
                Parallelism.Rows(10, r => { cells[r] = r; });
                Parallelism.Rows(10, r => { {|PG0102:total = r|}; });
            }
        }
        """);
}
