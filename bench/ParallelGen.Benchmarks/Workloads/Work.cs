namespace ParallelGen.Benchmarks.Workloads;

/// <summary>
/// The work of every workload as a user writes it: plain methods marked <c>[Parallelizable]</c>. ParallelGen's
/// contenders call the generated wrappers (<c>SquareMap</c>, <c>UniformMap</c>, ...); the others call the methods.
/// </summary>
public static partial class Work
{
    private static long[] s_skewedIterations = [];

    /// <summary>Iterations of one uniform item; set by <see cref="Prepare"/>.</summary>
    public static long UniformIterations { get; private set; }

    /// <summary>Iterations of each skewed item, by item number; set by <see cref="Prepare"/>.</summary>
    public static IReadOnlyList<long> SkewedIterations => s_skewedIterations;

    /// <summary>Turns the microsecond costs of <see cref="Inputs"/> into loop iterations (calibrates once).</summary>
    public static void Prepare()
    {
        UniformIterations = Cpu.IterationsFor(Inputs.UniformMicroseconds);
        s_skewedIterations = Inputs.SkewedMicroseconds().Select(Cpu.IterationsFor).ToArray();
    }

    /// <summary>The trivial workload.</summary>
    [Parallelizable]
    public static int Square(int x) => x * x;

    /// <summary>The uniform CPU workload: about 2 ms of arithmetic.</summary>
    [Parallelizable]
    public static ulong Uniform(int item) => Cpu.Spin(UniformIterations, item);

    /// <summary>The skewed CPU workload: item <paramref name="item"/> costs its Pareto quantile.</summary>
    [Parallelizable]
    public static ulong Skewed(int item) => Cpu.Spin(s_skewedIterations[item], item);

    /// <summary>The I/O-bound workload: an asynchronous wait (a stand-in for a network call).</summary>
    [Parallelizable]
    public static async Task Wait(int milliseconds) => await Task.Delay(milliseconds).ConfigureAwait(false);

    /// <summary>
    /// The skewed workload's shape in blocking waits instead of arithmetic (for <c>--probe SkewedSleep</c>): an item
    /// of c microseconds sleeps c/175 ms, so the waits take milliseconds (2 ms to 322 ms, 5.8 s in all). Waiting
    /// needs no CPU, so how close a scheduler gets to max(total / workers, longest item) does not depend on what other
    /// processes do with the cores.
    /// </summary>
    [Parallelizable]
    public static int SkewedSleep(int item)
    {
        Thread.Sleep(SkewedSleepMilliseconds[item]);
        return item;
    }

    /// <summary>The waits of <see cref="SkewedSleep"/>, in milliseconds, by item number.</summary>
    public static readonly int[] SkewedSleepMilliseconds = Inputs.SkewedMicroseconds().Select(us => (int)Math.Round(us / 175)).ToArray();

    /// <summary>A call that does nothing: what remains is the per-item cost of dispatch.</summary>
    [Parallelizable]
    public static int Nothing(int x) => x;
}
