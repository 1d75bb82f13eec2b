namespace ParallelGen.Benchmarks.Workloads;

/// <summary>The workloads of the automatic-degree probe (issue 14): waits, blocking waits, and CPU then a wait.</summary>
public static partial class Work
{
    private static readonly Lazy<long> s_oneMillisecond = new(() => Cpu.IterationsFor(1_000));

    /// <summary>A blocking wait, as code that cannot await writes it.</summary>
    [Parallelizable]
    public static int Sleep(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    }

    /// <summary>About 1 ms of arithmetic, then an asynchronous wait of 10 ms (a request that computes its query first).</summary>
    [Parallelizable]
    public static async Task<ulong> CpuThenWait(int item)
    {
        var result = Cpu.Spin(OneMillisecond, item);
        await Task.Delay(10).ConfigureAwait(false);
        return result;
    }

    /// <summary>The skewed workload's shape as asynchronous waits (c microseconds of cost wait c/175 ms), heaviest last.</summary>
    [Parallelizable]
    public static async Task<int> SkewedWait(int item)
    {
        await Task.Delay(SkewedSleepMilliseconds[item]).ConfigureAwait(false);
        return item;
    }

    /// <summary>Iterations of about one millisecond of <see cref="Cpu.Spin"/>.</summary>
    public static long OneMillisecond => s_oneMillisecond.Value;
}
