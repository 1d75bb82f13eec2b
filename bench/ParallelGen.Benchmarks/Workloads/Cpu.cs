using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ParallelGen.Benchmarks.Workloads;

/// <summary>
/// Arithmetic that costs a chosen number of microseconds: an xorshift loop whose speed is calibrated once per process,
/// so every contender of a run does exactly the same work.
/// </summary>
public static class Cpu
{
    private static readonly Lazy<double> s_iterationsPerMicrosecondLazy = new(Calibrate);

    /// <summary>
    /// Loop iterations per microsecond of CPU time on this machine (best of several runs). Measured in the thread's
    /// own CPU time (/proc/thread-self/schedstat) where available, so that a loaded machine does not shrink the items.
    /// </summary>
    public static double IterationsPerMicrosecond => s_iterationsPerMicrosecondLazy.Value;

    /// <summary>Iterations that take about <paramref name="microseconds"/> on a quiet core.</summary>
    public static long IterationsFor(double microseconds) => Math.Max(1, (long)(microseconds * IterationsPerMicrosecond));

    /// <summary>Runs <paramref name="iterations"/> rounds of xorshift arithmetic seeded by <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ulong Spin(long iterations, int seed)
    {
        var x = (ulong)seed * 0x9E3779B97F4A7C15UL | 1UL;
        for (var i = 0L; i < iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return x;
    }

    private static double Calibrate()
    {
        const long probe = 20_000_000;
        Spin(probe, 1);
        var best = double.MaxValue;
        for (var round = 0; round < 9; round++)
        {
            var cpuBefore = ThreadCpuNanoseconds();
            var watch = Stopwatch.StartNew();
            Spin(probe, round);
            var wall = watch.Elapsed.TotalMicroseconds;
            var cpuAfter = ThreadCpuNanoseconds();
            best = Math.Min(best, cpuBefore is { } b && cpuAfter is { } a && a > b ? (a - b) / 1_000.0 : wall);
        }

        return probe / best;
    }

    private static long? ThreadCpuNanoseconds()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.AsSpan(0, text.IndexOf(' ')), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
