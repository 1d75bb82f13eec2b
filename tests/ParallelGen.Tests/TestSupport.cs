using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;

namespace ParallelGen.Tests;

/// <summary>Helpers shared by the runtime tests: the generated-wrapper entry points, executors to try, and bounded waits.</summary>
internal static class TestSupport
{
    /// <summary>The longest any single wait in a test may take before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static ParallelMethod Method(int maxDegreeOfParallelism = 0, int chunkSize = 0) =>
        new("M:ParallelGen.Tests.Sample.Work(System.Int32)", maxDegreeOfParallelism, chunkSize);

    public static WorkBody<TIn, TOut> Sync<TIn, TOut>(Func<TIn, TOut> body) => WorkBody<TIn, TOut>.Sync((item, _) => body(item));

    public static WorkBody<TIn, TOut> Sync<TIn, TOut>(Func<TIn, CancellationToken, TOut> body) => WorkBody<TIn, TOut>.Sync(body);

    public static WorkBody<TIn, TOut> Async<TIn, TOut>(Func<TIn, CancellationToken, ValueTask<TOut>> body) => WorkBody<TIn, TOut>.Async(body);

    /// <summary>Fails the test if <paramref name="task"/> does not finish within <see cref="Patience"/>.</summary>
    public static async Task<T> Bounded<T>(this Task<T> task) => await task.WaitAsync(Patience);

    public static async Task Bounded(this Task task) => await task.WaitAsync(Patience);

    /// <summary>Runs a blocking call on another thread and fails the test if it does not return within <see cref="Patience"/>.</summary>
    public static T Bounded<T>(Func<T> call) => Task.Run(call).WaitAsync(Patience).GetAwaiter().GetResult();

    public static void Bounded(Action call) => Task.Run(call).WaitAsync(Patience).GetAwaiter().GetResult();

    public static async Task<List<T>> ToListBounded<T>(this IAsyncEnumerable<T> source)
    {
        using var cts = new CancellationTokenSource(Patience);
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cts.Token))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A lazy source that is not a list, so the engine must pull it through its window.</summary>
    public static IEnumerable<int> Lazy(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    public static async IAsyncEnumerable<int> LazyAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 7 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }

    /// <summary>Every kind of executor, fresh, for tests that must hold on each.</summary>
    public static IEnumerable<object[]> ExecutorKinds() =>
    [
        ["threadpool"],
        ["threadpool-2"],
        ["workerpool-3"],
        ["workerpool-recycling"],
        ["inline"],
    ];

    public static IExecutor Create(string kind) => kind switch
    {
        "threadpool" => new ThreadPoolExecutor(),
        "threadpool-2" => new ThreadPoolExecutor(2),
        "workerpool-3" => new WorkerPool(3),
        "workerpool-recycling" => new WorkerPool(2, maxTasksPerWorker: 7),
        "inline" => new InlineExecutor(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Tracks the highest number of calls in flight at once.</summary>
    public sealed class ConcurrencyProbe
    {
        private int _current;
        private int _max;

        public int Max => Volatile.Read(ref _max);

        public IDisposable Enter()
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            return new Exit(this);
        }

        private sealed class Exit(ConcurrencyProbe probe) : IDisposable
        {
            public void Dispose() => Interlocked.Decrement(ref probe._current);
        }
    }
}
