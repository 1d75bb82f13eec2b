using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 2: AsCompleted streaming, the bounded window and lazy sources.</summary>
public class StreamingTests
{
    private static IEnumerable<int> Endless(Action onPull)
    {
        for (var i = 0; ; i++)
        {
            onPull();
            yield return i;
        }
    }

    [Fact]
    public async Task AsCompleted_over_an_endless_source_stops_when_the_consumer_leaves()
    {
        var pulled = 0;
        var ran = 0;
        var taken = 0;
        await foreach (var c in GeneratedSupport.AsCompleted(Method(), Endless(() => Interlocked.Increment(ref pulled)), Sync<int, int>(x => { Interlocked.Increment(ref ran); return x; }), null, default).WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            if (++taken == 1_000)
            {
                break;
            }
        }

        // Leaving the loop stops the map and waits for it: nothing runs afterwards.
        var after = Volatile.Read(ref ran);
        await Task.Delay(50);
        Assert.Equal(after, Volatile.Read(ref ran));
        Assert.True(pulled <= 1_000 + ParallelGen.Mapping.MapRun<int, int>.WindowFor(Environment.ProcessorCount) + 100, $"{pulled} items pulled for 1000 consumed");
    }

    [Fact]
    public async Task AsCompleted_claims_only_a_window_ahead_of_a_slow_consumer()
    {
        long started = 0;
        long consumed = 0;
        long worstLead = 0;
        var body = Sync<int, int>(x =>
        {
            var lead = Interlocked.Increment(ref started) - Volatile.Read(ref consumed);
            long seen;
            while (lead > (seen = Volatile.Read(ref worstLead)) && Interlocked.CompareExchange(ref worstLead, lead, seen) != seen)
            {
            }

            return x;
        });

        // The workers may run at most a window of items past what the consumer has taken.
        var window = ParallelGen.Mapping.MapRun<int, int>.WindowFor(2);
        await foreach (var c in GeneratedSupport.AsCompleted(Method(), Endless(() => { }), body, new MapOptions { MaxDegreeOfParallelism = 2 }, default).WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            if (Interlocked.Increment(ref consumed) % 50 == 0)
            {
                await Task.Delay(1);
            }

            if (consumed == 5 * window)
            {
                break;
            }
        }

        Assert.InRange(worstLead, 1, window + 2);
    }

    [Fact]
    public async Task Ordered_AsCompleted_yields_in_input_order()
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 300).Select(_ => random.Next(0, 3)).ToArray();
        var items = await GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, 300), Async<int, int>(async (x, _) =>
        {
            if (delays[x] > 0)
            {
                await Task.Delay(delays[x]);
            }

            return x * 3;
        }), new MapOptions { Ordered = true, MaxDegreeOfParallelism = 6 }, default).ToListBounded();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), items.Select(c => c.Index));
        Assert.Equal(Enumerable.Range(0, 300).Select(i => i * 3), items.Select(c => c.Result));
    }

    [Fact]
    public async Task Unordered_AsCompleted_yields_a_quick_item_before_a_slow_earlier_one()
    {
        var slowRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<long>();
        await foreach (var c in GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, 2), Async<int, int>(async (x, _) =>
        {
            if (x == 0)
            {
                await slowRelease.Task;
            }

            return x;
        }), new MapOptions { MaxDegreeOfParallelism = 2 }, default).WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            order.Add(c.Index);
            slowRelease.TrySetResult();
        }

        Assert.Equal([1L, 0L], order);
    }

    [Fact]
    public async Task AsCompleted_carries_the_input_with_each_result()
    {
        var items = await GeneratedSupport.AsCompleted(Method(), LazyAsync(500), Sync<int, string>(x => $"#{x}"), null, default).ToListBounded();
        Assert.Equal(500, items.Count);
        Assert.All(items, c => Assert.Equal($"#{c.Input}", c.Result));
        Assert.All(items, c => Assert.Equal(c.Index, c.Input));
    }

    [Fact]
    public async Task AsCompletedVoid_yields_each_item_once()
    {
        var items = await GeneratedSupport.AsCompletedVoid(Method(), Enumerable.Range(0, 100), Sync<int, NoResult>(_ => default), null, default).ToListBounded();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), items.Select(c => c.Index).Order());
    }

    [Fact]
    public async Task An_AsCompleted_sequence_starts_a_fresh_map_per_enumeration()
    {
        var calls = 0;
        var stream = GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, 10), Sync<int, int>(x => { Interlocked.Increment(ref calls); return x; }), null, default);
        Assert.Equal(0, calls);
        Assert.Equal(10, (await stream.ToListBounded()).Count);
        Assert.Equal(10, (await stream.ToListBounded()).Count);
        Assert.Equal(20, calls);
    }

    [Fact]
    public async Task MapAsync_pulls_an_async_source_lazily()
    {
        var pulled = 0;
        async IAsyncEnumerable<int> Source()
        {
            for (var i = 0; i < 1_000; i++)
            {
                Interlocked.Increment(ref pulled);
                await Task.Yield();
                yield return i;
            }
        }

        var results = await GeneratedSupport.MapAsync(Method(), Source(), Sync<int, int>(x => x * 2), null, default).Bounded();
        Assert.Equal(Enumerable.Range(0, 1_000).Select(x => x * 2), results);
        Assert.Equal(1_000, pulled);
    }
}
