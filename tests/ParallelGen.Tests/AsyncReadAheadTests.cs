using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Issue 14, point 4: <c>XMapAsync</c> over an <see cref="IAsyncEnumerable{T}"/> reads ahead as the synchronous path does.</summary>
public class AsyncReadAheadTests
{
    [Fact]
    public async Task Once_an_async_source_ends_a_worker_starts_its_last_item_next_instead_of_after_the_others()
    {
        // Items 0..39 on two workers, each item waiting a millisecond (chunks of one item). The map reads a quarter
        // of what it has read ahead; when the read reaches the end, the last items are still unclaimed and the worker
        // that claims from the back takes 39 next. Read one claim at a time (no read-ahead), 39 would start last.
        await using var pool = new ThreadPoolExecutor(2);
        var started = 0;
        var startedBeforeLast = -1;
        var results = await GeneratedSupport.MapAsync(Method(), Arriving(40), Async<int, int>(async (x, _) =>
        {
            var before = Interlocked.Increment(ref started) - 1;
            if (x == 39)
            {
                startedBeforeLast = before;
            }

            await Task.Delay(1);
            return x;
        }), new MapOptions { Executor = pool }, default).Bounded();

        Assert.Equal(Enumerable.Range(0, 40), results);
        Assert.InRange(startedBeforeLast, 1, 36);
    }

    [Fact]
    public async Task A_slow_async_source_still_hands_over_each_item_as_it_arrives()
    {
        // Items arrive 5 ms apart and each waits until the next one has started: a claim that waited for a whole
        // read-ahead (or chunk) before handing anything over would never let the items overlap.
        await using var pool = new ThreadPoolExecutor(2);
        var gates = Enumerable.Range(0, 11).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var results = await GeneratedSupport.MapAsync(Method(), Slow(10), Async<int, int>(async (x, _) =>
        {
            gates[x].TrySetResult();
            if (x + 1 < 10)
            {
                await gates[x + 1].Task.WaitAsync(Patience);
            }

            return x;
        }), new MapOptions { Executor = pool }, default).Bounded();

        Assert.Equal(Enumerable.Range(0, 10), results);
    }

    private static async IAsyncEnumerable<int> Arriving(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 7 == 6)
            {
                await Task.Yield();
            }

            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Slow(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(5, cancellationToken);
            yield return i;
        }
    }
}
