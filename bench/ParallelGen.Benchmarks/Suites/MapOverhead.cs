using BenchmarkDotNet.Attributes;
using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Suites;

/// <summary>
/// Cost as the work grows: a map of a method that does nothing over 10^3 ... 10^7 items. Time divided by the item
/// count is the per-item overhead; it must stay flat.
/// </summary>
public class MapOverhead
{
    private int[] _items = [];
    private Pools _pools = null!;

    /// <summary>Items mapped.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int Count { get; set; }

    /// <summary>Prepares the input and the executors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _items = Inputs.Items(Count);
        _pools = Pools.ForCpu();
    }

    /// <summary>Shuts the executors down.</summary>
    [GlobalCleanup]
    public void Cleanup() => _pools.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A plain loop calling the method.</summary>
    [Benchmark(Baseline = true)]
    public int[] Sequential()
    {
        var results = new int[_items.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Work.Nothing(_items[i]);
        }

        return results;
    }

    /// <summary>ParallelGen's <c>XMap</c> on a <see cref="ThreadPoolExecutor"/>.</summary>
    [Benchmark]
    public int[] MapThreadPool() => Work.NothingMap(_items, Pools.On(_pools.ThreadPool));

    /// <summary>ParallelGen's <c>XMap</c> on a <see cref="WorkerPool"/>.</summary>
    [Benchmark]
    public int[] MapWorkerPool() => Work.NothingMap(_items, Pools.On(_pools.WorkerPool));
}
