using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Suites;

/// <summary>
/// The contenders of the streaming workload: <c>x * x</c> over a lazy source of <c>count</c> items, every result
/// consumed as it is produced (summed). Shared by the <see cref="Streaming"/> benchmarks (time, allocations) and the
/// peak-memory mode (<see cref="PeakMemory"/>), which runs each in a fresh process.
/// </summary>
public static class StreamingContenders
{
    /// <summary>Contender names, in the order of the tables.</summary>
    public static readonly string[] Names = ["Sequential", "ParallelForEach", "PlinqAsOrdered", "TaskWhenAll", "MapThreadPool",
        "MapWorkerPool",
    ];

    /// <summary>Runs contender <paramref name="name"/> over <paramref name="count"/> items.</summary>
    public static Task<long> Run(string name, Pools pools, int count) => name switch
    {
        "Sequential" => Task.FromResult(Sequential(count)),
        "ParallelForEach" => Task.FromResult(ParallelForEach(count)),
        "PlinqAsOrdered" => Task.FromResult(PlinqAsOrdered(count)),
        "TaskWhenAll" => TaskWhenAll(count),
        "MapThreadPool" => AsCompleted(pools.ThreadPool, count),
        "MapWorkerPool" => AsCompleted(pools.WorkerPool, count),
        _ => throw new ArgumentException($"Unknown streaming contender '{name}'.", nameof(name)),
    };

    // A true lazy sequence (an iterator, not an IList as Enumerable.Range is since .NET 9): nothing holds the items.
    private static IEnumerable<int> Source(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    private static long Sequential(int count)
    {
        var sum = 0L;
        foreach (var item in Source(count))
        {
            sum += Work.Square(item);
        }

        return sum;
    }

    private static long ParallelForEach(int count)
    {
        var sum = 0L;
        Parallel.ForEach(Source(count), () => 0L, (item, _, local) => local + Work.Square(item), local => Interlocked.Add(ref sum, local));
        return sum;
    }

    private static long PlinqAsOrdered(int count)
    {
        var sum = 0L;
        foreach (var result in Source(count).AsParallel().AsOrdered().Select(Work.Square))
        {
            sum += result;
        }

        return sum;
    }

    private static async Task<long> TaskWhenAll(int count)
    {
        var results = await Task.WhenAll(Source(count).Select(item => Task.Run(() => Work.Square(item)))).ConfigureAwait(false);
        var sum = 0L;
        foreach (var result in results)
        {
            sum += result;
        }

        return sum;
    }

    private static async Task<long> AsCompleted(IExecutor executor, int count)
    {
        var sum = 0L;
        await foreach (var completed in Work.SquareAsCompleted(Source(count), Pools.On(executor)).ConfigureAwait(false))
        {
            sum += completed.Result;
        }

        return sum;
    }
}
