namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// The executors ParallelGen's contenders run on. CPU workloads use executors as wide as the machine (the defaults);
/// I/O workloads use executors of <see cref="IoWidth"/> workers, as a Python user would write <c>Pool(64)</c>.
/// Every suite creates its pools in its setup, which is also where the threads' priorities are equalized.
/// </summary>
public sealed class Pools : IAsyncDisposable
{
    /// <summary>Workers of the executors of I/O-bound workloads.</summary>
    public const int IoWidth = 64;

    private Pools(int width)
    {
        ThreadPool = new ThreadPoolExecutor(width);
        WorkerPool = new WorkerPool(width);
        Priority.Equalize();
    }

    /// <summary>A <see cref="ThreadPoolExecutor"/> of the given width.</summary>
    public ThreadPoolExecutor ThreadPool { get; }

    /// <summary>A <see cref="ParallelGen.WorkerPool"/> of the given width.</summary>
    public WorkerPool WorkerPool { get; }

    /// <summary>Executors as wide as the machine.</summary>
    public static Pools ForCpu() => new(Environment.ProcessorCount);

    /// <summary>Executors of <see cref="IoWidth"/> workers.</summary>
    public static Pools ForIo() => new(IoWidth);

    /// <summary>Options that run a map on <paramref name="executor"/>.</summary>
    public static MapOptions On(IExecutor executor) => new() { Executor = executor };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await ThreadPool.DisposeAsync().ConfigureAwait(false);
        await WorkerPool.DisposeAsync().ConfigureAwait(false);
    }
}
