using System.Diagnostics;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// A diagnostic mode (<c>--probe SkewedTails</c>): how far <c>Parallel.ForEach</c>'s default partitioning falls behind
/// the lower bound max(sequential time / cores, longest item) on heavier tails and other lengths than the published
/// skewed workload, beside ParallelGen's <c>Map</c> (on an array and on a lazy source) and the
/// <see cref="Clairvoyant"/> yardstick. Items are CPU-calibrated spins (<see cref="Cpu"/>), each shape scaled to about
/// 600 ms of work; the sequential time is measured in the same rounds.
/// </summary>
public static class SkewedTailsProbe
{
    /// <summary>Prints, per shape, each contender's median of <paramref name="rounds"/> runs against the bound.</summary>
    public static int Run(int rounds)
    {
        var shapes = new (string Name, double[] Costs)[]
        {
            ("Pareto 1.5, 1,024 quantiles", Quantiles(1024, 1.5)),
            ("Pareto 1.5, 64 quantiles", Quantiles(64, 1.5)),
            ("Pareto 1.5, 256 quantiles", Quantiles(256, 1.5)),
            ("Pareto 1.2, 1,024 quantiles", Quantiles(1024, 1.2)),
            ("Pareto 1.1, 1,024 quantiles", Quantiles(1024, 1.1)),
            ("Pareto 1.5, 10,000 quantiles", Quantiles(10_000, 1.5)),
            ("Pareto 1.2, 10,000 quantiles", Quantiles(10_000, 1.2)),
            ("Pareto 1.0, 1,024 quantiles", Quantiles(1024, 1.0)),
            ("Pareto 1.0, 256 quantiles", Quantiles(256, 1.0)),
            ("Pareto 1.0, 64 quantiles", Quantiles(64, 1.0)),
            ("Pareto 1.1, 256 quantiles", Quantiles(256, 1.1)),
            ("Pareto 1.5, 1,024 sorted samples, seed 1", Samples(1024, 1.5, 1)),
            ("Pareto 1.5, 1,024 sorted samples, seed 2", Samples(1024, 1.5, 2)),
        };
        var pool = new ThreadPoolExecutor(Environment.ProcessorCount);
        foreach (var (name, shape) in shapes)
        {
            var scale = 600_000 / shape.Sum();
            var iterations = shape.Select(us => Cpu.IterationsFor(us * scale)).ToArray();
            var items = Inputs.Items(iterations.Length);
            double Median(Action run)
            {
                var times = new List<double>();
                for (var i = 0; i < rounds; i++)
                {
                    var watch = Stopwatch.StartNew();
                    run();
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                return times[times.Count / 2];
            }

            var sequential = Median(() =>
            {
                foreach (var i in items)
                {
                    Cpu.Spin(iterations[i], i);
                }
            });
            var bound = Math.Max(sequential / Environment.ProcessorCount, shape.Max() * scale / 1000);
            var pfe = Median(() => Parallel.ForEach(items, i => Cpu.Spin(iterations[i], i)));
            var pfeLazy = Median(() => Parallel.ForEach(Lazy(items.Length), i => Cpu.Spin(iterations[i], i)));
            var map = Median(() => pool.Map(items, i => Cpu.Spin(iterations[i], i)));
            var mapLazy = Median(() => pool.Map(Lazy(items.Length), i => Cpu.Spin(iterations[i], i)));
            var heaviestFirst = Clairvoyant.HeaviestFirst(shape);
            var clairvoyant = Median(() => Clairvoyant.Map(items, heaviestFirst, i => Cpu.Spin(iterations[i], i)));
            Console.WriteLine(
                $"{name,-42} longest {100 * shape.Max() / shape.Sum(),4:F1}% of the work | x bound: Parallel.ForEach {pfe / bound:F3}, lazy {pfeLazy / bound:F3}; "
                + $"Map {map / bound:F3}, lazy {mapLazy / bound:F3}; clairvoyant {clairvoyant / bound:F3} | "
                + $"Parallel.ForEach / Map {pfe / map:F2}, lazy {pfeLazy / mapLazy:F2}; / clairvoyant {pfe / clairvoyant:F2}");
        }

        pool.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    private static double[] Quantiles(int count, double alpha) =>
        Enumerable.Range(0, count).Select(i => Math.Pow(1.0 - ((i + 0.5) / count), -1.0 / alpha)).ToArray();

    private static double[] Samples(int count, double alpha, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Math.Pow(1.0 - random.NextDouble(), -1.0 / alpha)).Order().ToArray();
    }

    private static IEnumerable<int> Lazy(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
    }
}
