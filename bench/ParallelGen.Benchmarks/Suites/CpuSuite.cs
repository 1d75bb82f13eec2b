using BenchmarkDotNet.Attributes;
using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Suites;

/// <summary>
/// The contenders of a CPU workload: each maps <see cref="Compute"/> over the same array of item numbers and returns
/// the results in input order. Derived suites choose the work and call their generated wrapper.
/// </summary>
public abstract class CpuSuite<TOut>
{
    private int[] _items = [];
    private Pools _pools = null!;

    /// <summary>The input every contender receives.</summary>
    protected int[] Items => _items;

    /// <summary>Executors as wide as the machine.</summary>
    protected Pools Pools => _pools;

    /// <summary>Prepares the input and the executors (outside the measurement).</summary>
    [GlobalSetup]
    public void Setup()
    {
        Work.Prepare();
        _items = Inputs.Items(ItemCount);
        _pools = Pools.ForCpu();
    }

    /// <summary>Shuts the executors down.</summary>
    [GlobalCleanup]
    public void Cleanup() => _pools.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>How many items the workload has.</summary>
    protected abstract int ItemCount { get; }

    /// <summary>The work of one item.</summary>
    protected abstract TOut Compute(int item);

    /// <summary>ParallelGen's generated <c>XMap</c> on <paramref name="executor"/>.</summary>
    protected abstract TOut[] MapOn(IExecutor executor);

    /// <summary>A plain loop.</summary>
    [Benchmark(Baseline = true)]
    public TOut[] Sequential()
    {
        var items = _items;
        var results = new TOut[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            results[i] = Compute(items[i]);
        }

        return results;
    }

    /// <summary><c>Parallel.ForEach</c> with its default partitioning.</summary>
    [Benchmark]
    public TOut[] ParallelForEach()
    {
        var results = new TOut[_items.Length];
        Parallel.ForEach(_items, (item, _, index) => results[index] = Compute(item));
        return results;
    }

    /// <summary>PLINQ, results in input order.</summary>
    [Benchmark]
    public TOut[] PlinqAsOrdered() => _items.AsParallel().AsOrdered().Select(Compute).ToArray();

    /// <summary>One <c>Task.Run</c> per item, awaited with <c>Task.WhenAll</c>.</summary>
    [Benchmark]
    public Task<TOut[]> TaskWhenAll()
    {
        var tasks = new Task<TOut>[_items.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            var item = _items[i];
            tasks[i] = Task.Run(() => Compute(item));
        }

        return Task.WhenAll(tasks);
    }

    /// <summary>ParallelGen's <c>XMap</c> on a <see cref="ThreadPoolExecutor"/>.</summary>
    [Benchmark]
    public TOut[] MapThreadPool() => MapOn(_pools.ThreadPool);

    /// <summary>ParallelGen's <c>XMap</c> on a <see cref="WorkerPool"/>.</summary>
    [Benchmark]
    public TOut[] MapWorkerPool() => MapOn(_pools.WorkerPool);
}

/// <summary>Trivial: <c>x * x</c> over ten million ints.</summary>
[MemoryDiagnoser]
public class Trivial : CpuSuite<int>
{
    /// <inheritdoc/>
    protected override int ItemCount => Inputs.TrivialCount;

    /// <inheritdoc/>
    protected override int Compute(int item) => Work.Square(item);

    /// <inheritdoc/>
    protected override int[] MapOn(IExecutor executor) => Work.SquareMap(Items, Pools.On(executor));
}

/// <summary>Uniform CPU: 256 items of about 2 ms of arithmetic.</summary>
public class UniformCpu : CpuSuite<ulong>
{
    /// <inheritdoc/>
    protected override int ItemCount => Inputs.UniformCount;

    /// <inheritdoc/>
    protected override ulong Compute(int item) => Work.Uniform(item);

    /// <inheritdoc/>
    protected override ulong[] MapOn(IExecutor executor) => Work.UniformMap(Items, Pools.On(executor));
}

/// <summary>Skewed CPU: Pareto-distributed costs (shape 1.5), the heaviest items at the end of the input.</summary>
public class SkewedCpu : CpuSuite<ulong>
{
    private static readonly int[] s_heaviestFirst = Clairvoyant.HeaviestFirst(Inputs.SkewedMicroseconds());

    /// <summary>The yardstick, not a contender: a schedule that knows every cost in advance (see <see cref="Clairvoyant"/>).</summary>
    [Benchmark]
    public ulong[] ClairvoyantHeaviestFirst() => Clairvoyant.Map(Items, s_heaviestFirst, Compute);

    /// <inheritdoc/>
    protected override int ItemCount => Inputs.SkewedCount;

    /// <inheritdoc/>
    protected override ulong Compute(int item) => Work.Skewed(item);

    /// <inheritdoc/>
    protected override ulong[] MapOn(IExecutor executor) => Work.SkewedMap(Items, Pools.On(executor));
}
