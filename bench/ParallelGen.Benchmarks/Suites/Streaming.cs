using BenchmarkDotNet.Attributes;
using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Suites;

/// <summary>Streaming: <c>AsCompleted</c> over ten million items against the peers; time and allocations.</summary>
[MemoryDiagnoser]
public class Streaming
{
    private Pools _pools = null!;

    /// <summary>Creates the executors.</summary>
    [GlobalSetup]
    public void Setup() => _pools = Pools.ForCpu();

    /// <summary>Shuts the executors down.</summary>
    [GlobalCleanup]
    public void Cleanup() => _pools.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A plain loop.</summary>
    [Benchmark(Baseline = true)]
    public Task<long> Sequential() => StreamingContenders.Run(nameof(Sequential), _pools, Inputs.TrivialCount);

    /// <summary><c>Parallel.ForEach</c> with thread-local sums.</summary>
    [Benchmark]
    public Task<long> ParallelForEach() => StreamingContenders.Run(nameof(ParallelForEach), _pools, Inputs.TrivialCount);

    /// <summary>PLINQ <c>AsOrdered</c>, consumed with <c>foreach</c>.</summary>
    [Benchmark]
    public Task<long> PlinqAsOrdered() => StreamingContenders.Run(nameof(PlinqAsOrdered), _pools, Inputs.TrivialCount);

    /// <summary>One <c>Task.Run</c> per item.</summary>
    [Benchmark]
    public Task<long> TaskWhenAll() => StreamingContenders.Run(nameof(TaskWhenAll), _pools, Inputs.TrivialCount);

    /// <summary>ParallelGen's <c>XAsCompleted</c> on a <see cref="ThreadPoolExecutor"/>.</summary>
    [Benchmark]
    public Task<long> MapThreadPool() => StreamingContenders.Run(nameof(MapThreadPool), _pools, Inputs.TrivialCount);

    /// <summary>ParallelGen's <c>XAsCompleted</c> on a <see cref="WorkerPool"/>.</summary>
    [Benchmark]
    public Task<long> MapWorkerPool() => StreamingContenders.Run(nameof(MapWorkerPool), _pools, Inputs.TrivialCount);
}
