namespace ParallelGen.Benchmarks.Workloads;

/// <summary>The inputs of every workload: one definition shared by all contenders (and mirrored in bench/python/workloads.py).</summary>
public static class Inputs
{
    /// <summary>Items of the trivial workload (<c>x * x</c>) and of streaming.</summary>
    public const int TrivialCount = 10_000_000;

    /// <summary>Items of the uniform CPU workload.</summary>
    public const int UniformCount = 256;

    /// <summary>Cost of one uniform item, in microseconds.</summary>
    public const double UniformMicroseconds = 2_000;

    /// <summary>Items of the skewed CPU workload.</summary>
    public const int SkewedCount = 1024;

    /// <summary>Pareto shape of the skewed costs: 1.5 has a finite mean and an infinite variance (a heavy tail).</summary>
    public const double SkewedAlpha = 1.5;

    /// <summary>Pareto scale (the cheapest possible item), in microseconds; the total is about one second.</summary>
    public const double SkewedScaleMicroseconds = 350;

    /// <summary>The tutorial's waits: four of two seconds.</summary>
    public static readonly int[] FourWaits = [2_000, 2_000, 2_000, 2_000];

    /// <summary>One thousand waits of ten milliseconds.</summary>
    public static readonly int[] ManyWaits = Enumerable.Repeat(10, 1_000).ToArray();

    /// <summary>
    /// Skewed item costs in microseconds: the Pareto quantiles at (i + 0.5) / n, ascending, so the input is
    /// deterministic and the heaviest items come last.
    /// </summary>
    public static double[] SkewedMicroseconds(int count = SkewedCount) =>
        Enumerable.Range(0, count)
            .Select(i => SkewedScaleMicroseconds * Math.Pow(1.0 - (i + 0.5) / count, -1.0 / SkewedAlpha))
            .ToArray();

    /// <summary>The item numbers 0..count-1 as an array (the input every CPU contender receives).</summary>
    public static int[] Items(int count) => Enumerable.Range(0, count).ToArray();
}
