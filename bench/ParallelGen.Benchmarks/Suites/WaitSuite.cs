using BenchmarkDotNet.Attributes;
using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Suites;

/// <summary>
/// The contenders of an I/O-bound workload. Contenders that cannot await (the loop, <c>Parallel.ForEach</c>, PLINQ)
/// block with <c>Thread.Sleep</c>, as their users do; <c>Task.WhenAll</c> and ParallelGen await <c>Task.Delay</c>.
/// ParallelGen runs on executors of <see cref="Pools.IoWidth"/> workers.
/// </summary>
public abstract class WaitSuite
{
    private Pools _pools = null!;

    /// <summary>The waits, in milliseconds.</summary>
    protected abstract int[] Waits { get; }

    /// <summary>Creates the I/O executors.</summary>
    [GlobalSetup]
    public void Setup() => _pools = Pools.ForIo();

    /// <summary>Shuts the executors down.</summary>
    [GlobalCleanup]
    public void Cleanup() => _pools.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A plain loop.</summary>
    [Benchmark(Baseline = true)]
    public void Sequential()
    {
        foreach (var wait in Waits)
        {
            Thread.Sleep(wait);
        }
    }

    /// <summary><c>Parallel.ForEach</c> with its default partitioning.</summary>
    [Benchmark]
    public void ParallelForEach() => Parallel.ForEach(Waits, wait => Thread.Sleep(wait));

    /// <summary>PLINQ, in input order.</summary>
    [Benchmark]
    public int[] PlinqAsOrdered() => Waits.AsParallel().AsOrdered().Select(wait =>
    {
        Thread.Sleep(wait);
        return wait;
    }).ToArray();

    /// <summary>One <c>Task.Run</c> per item awaiting <c>Task.Delay</c>, awaited with <c>Task.WhenAll</c>.</summary>
    [Benchmark]
    public Task TaskWhenAll() => Task.WhenAll(Waits.Select(wait => Task.Run(() => Task.Delay(wait))));

    /// <summary>ParallelGen's <c>XMapAsync</c> on a <see cref="ThreadPoolExecutor"/>.</summary>
    [Benchmark]
    public Task MapThreadPool() => Work.WaitMapAsync(Waits, Pools.On(_pools.ThreadPool));

    /// <summary>ParallelGen's <c>XMapAsync</c> on a <see cref="WorkerPool"/>.</summary>
    [Benchmark]
    public Task MapWorkerPool() => Work.WaitMapAsync(Waits, Pools.On(_pools.WorkerPool));
}

/// <summary>The tutorial's four waits of two seconds.</summary>
public class FourWaits : WaitSuite
{
    /// <inheritdoc/>
    protected override int[] Waits => Inputs.FourWaits;
}

/// <summary>One thousand waits of ten milliseconds.</summary>
public class ManyWaits : WaitSuite
{
    /// <inheritdoc/>
    protected override int[] Waits => Inputs.ManyWaits;
}
