using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

public class MapTests
{
    [Theory]
    [MemberData(nameof(TestSupport.ExecutorKinds), MemberType = typeof(TestSupport))]
    public async Task Map_returns_results_in_input_order_on_every_executor(string kind)
    {
        await using var executor = Create(kind);
        var options = new MapOptions { Executor = executor };
        var input = Enumerable.Range(0, 5_000).ToArray();

        var fromArray = Bounded(() => GeneratedSupport.Map(Method(), input, Sync<int, long>(x => (long)x * x), options, default));
        var fromList = Bounded(() => GeneratedSupport.Map(Method(), input.ToList(), Sync<int, long>(x => (long)x * x), options, default));
        var fromLazy = Bounded(() => GeneratedSupport.Map(Method(), Lazy(5_000), Sync<int, long>(x => (long)x * x), options, default));
        var fromAsyncBody = await GeneratedSupport.MapAsync(Method(), Lazy(5_000), Async<int, long>(async (x, _) => { if (x % 100 == 0) { await Task.Yield(); } return (long)x * x; }), options, default).Bounded();
        var fromAsyncSource = await GeneratedSupport.MapAsync(Method(), LazyAsync(5_000), Sync<int, long>(x => (long)x * x), options, default).Bounded();

        var expected = input.Select(x => (long)x * x).ToArray();
        Assert.Equal(expected, fromArray);
        Assert.Equal(expected, fromList);
        Assert.Equal(expected, fromLazy);
        Assert.Equal(expected, fromAsyncBody);
        Assert.Equal(expected, fromAsyncSource);
    }

    [Fact]
    public void Map_of_an_empty_source_is_empty()
    {
        Assert.Empty(GeneratedSupport.Map(Method(), Array.Empty<int>(), Sync<int, int>(x => x), null, default));
        Assert.Empty(GeneratedSupport.Map(Method(), Lazy(0), Sync<int, int>(x => x), null, default));
    }

    [Fact]
    public void MapVoid_runs_every_item_once()
    {
        var seen = new int[10_000];
        Bounded(() => GeneratedSupport.MapVoid(Method(), Lazy(10_000), Sync<int, NoResult>(x => { Interlocked.Increment(ref seen[x]); return default; }), null, default));
        Assert.All(seen, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Options_degree_bounds_concurrency()
    {
        var probe = new ConcurrencyProbe();
        Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 40).ToArray(), Sync<int, int>(x => { using (probe.Enter()) { Thread.Sleep(5); } return x; }), new MapOptions { MaxDegreeOfParallelism = 3 }, default));
        Assert.InRange(probe.Max, 1, 3);
    }

    [Fact]
    public void Attribute_degree_is_used_when_options_give_none()
    {
        var probe = new ConcurrencyProbe();
        Bounded(() => GeneratedSupport.Map(Method(maxDegreeOfParallelism: 2), Enumerable.Range(0, 30).ToArray(), Sync<int, int>(x => { using (probe.Enter()) { Thread.Sleep(5); } return x; }), null, default));
        Assert.InRange(probe.Max, 1, 2);
    }

    [Fact]
    public async Task Executor_width_bounds_concurrency_across_maps_and_submits()
    {
        await using var executor = new ThreadPoolExecutor(2);
        var probe = new ConcurrencyProbe();
        var body = Sync<int, int>(x => { using (probe.Enter()) { Thread.Sleep(3); } return x; });
        var maps = Enumerable.Range(0, 3).Select(_ => GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 20).ToArray(), body, new MapOptions { Executor = executor, MaxDegreeOfParallelism = 8 }, default)).ToArray();
        var futures = Enumerable.Range(0, 5).Select(i => GeneratedSupport.Submit(Method(), i, body, executor, default)).ToArray();
        await Task.WhenAll(maps).Bounded();
        await Task.WhenAll(futures.Select(f => f.Task)).Bounded();
        Assert.InRange(probe.Max, 1, 2);
    }

    [Fact]
    public void Degree_reaches_the_requested_width_when_items_block()
    {
        // Four blocking items with degree 4 must run together, even on a two-core machine whose thread pool starts small.
        using var barrier = new Barrier(4);
        var results = Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 4).ToArray(), Sync<int, bool>(_ => barrier.SignalAndWait(Patience)), new MapOptions { MaxDegreeOfParallelism = 4 }, default));
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Chunk_size_option_is_honoured_and_results_stay_ordered()
    {
        var results = Bounded(() => GeneratedSupport.Map(Method(chunkSize: 3), Lazy(1_000), Sync<int, int>(x => x + 1), new MapOptions { ChunkSize = 17 }, default));
        Assert.Equal(Enumerable.Range(1, 1_000), results);
    }

    [Fact]
    public void Skewed_items_are_shared_out_dynamically()
    {
        // Many cheap items then a few heavy ones: every heavy item must be able to run beside another one,
        // which a static split (or a chunk grown on the cheap items) would prevent.
        var input = Enumerable.Range(0, 20_004).ToArray();
        using var heavy = new CountdownEvent(4);
        var results = Bounded(() => GeneratedSupport.Map(Method(), input, Sync<int, int>(x =>
        {
            if (x >= 20_000)
            {
                heavy.Signal();
                return heavy.Wait(Patience) ? x : -1;
            }

            return x;
        }), new MapOptions { MaxDegreeOfParallelism = 4 }, default));
        Assert.Equal(input, results);
    }

    [Fact]
    public async Task A_second_worker_starts_at_the_end_of_an_array_where_an_ascending_input_keeps_its_heaviest_items()
    {
        // Claimed front to back, 39 would start only after 0..38; the second loop claims from the back, so it is the
        // first item that loop starts.
        Assert.Equal(1, await ItemsStartedBeforeTheLast(Enumerable.Range(0, 40).ToArray(), sleepMilliseconds: 0));
    }

    [Fact]
    public async Task Once_a_lazy_source_ends_a_worker_starts_its_last_item_next_instead_of_after_the_others()
    {
        // The same input as a lazy sequence: its end is unknown until it has been read. The map reads a quarter of
        // what it has read ahead of its workers; when the read reaches the end, items 31..39 are still unclaimed,
        // and the second loop takes them from the back. Front to back, 39 would start only after 0..38. The items
        // sleep a millisecond, long enough that the chunks stay at one item.
        Assert.Equal(31, await ItemsStartedBeforeTheLast(Lazy(40), sleepMilliseconds: 1));
    }

    /// <summary>
    /// Maps the items 0..39 of <paramref name="input"/> on two workers, item 0 (the caller's first) holding its worker
    /// until item 39 has started and the others sleeping <paramref name="sleepMilliseconds"/>; returns how many items
    /// started before item 39.
    /// </summary>
    private static async Task<int> ItemsStartedBeforeTheLast(IEnumerable<int> input, int sleepMilliseconds)
    {
        await using var pool = new ThreadPoolExecutor(2);
        var started = 0;
        var startedBeforeLast = -1;
        using var lastStarted = new ManualResetEventSlim();
        var results = Bounded(() => GeneratedSupport.Map(Method(), input, Sync<int, int>(x =>
        {
            var before = Interlocked.Increment(ref started) - 1;
            if (x == 39)
            {
                startedBeforeLast = before;
                lastStarted.Set();
            }
            else if (x == 0)
            {
                lastStarted.Wait(Patience);
            }
            else if (sleepMilliseconds > 0)
            {
                Thread.Sleep(sleepMilliseconds);
            }

            return x;
        }), new MapOptions { Executor = pool, MaxDegreeOfParallelism = 2 }, default));
        Assert.Equal(Enumerable.Range(0, 40), results);
        return startedBeforeLast;
    }

    [Fact]
    public async Task A_map_without_results_does_not_read_ahead_so_queued_items_start_before_more_arrive()
    {
        // A queue that blocks after ten items: a map that read ahead of its workers would wait there for items it
        // does not need yet while some of the ten sit unstarted. Items take a millisecond, so chunks stay at one item.
        await using var pool = new ThreadPoolExecutor(2);
        using var queue = new System.Collections.Concurrent.BlockingCollection<int>();
        using var allStarted = new CountdownEvent(10);
        for (var i = 0; i < 10; i++)
        {
            queue.Add(i);
        }

        var map = Task.Run(() => GeneratedSupport.MapVoid(Method(), queue.GetConsumingEnumerable(), Sync<int, NoResult>(_ =>
        {
            allStarted.Signal();
            Thread.Sleep(1);
            return default;
        }), new MapOptions { Executor = pool, MaxDegreeOfParallelism = 2 }, default));
        var started = allStarted.Wait(Patience);
        var unstarted = allStarted.CurrentCount;
        queue.CompleteAdding();
        await map.Bounded();
        Assert.True(started, $"{unstarted} of the 10 queued items had not started");
    }
}

/// <summary>Tests that replace <see cref="Executors.Default"/> run alone: every other test may be using it.</summary>
[CollectionDefinition(nameof(DefaultExecutorCollection), DisableParallelization = true)]
public sealed class DefaultExecutorCollection
{
}

[Collection(nameof(DefaultExecutorCollection))]
public class DefaultExecutorTests
{
    [Fact]
    public void Executors_default_is_settable_and_used()
    {
        var previous = Executors.Default;
        var inline = new InlineExecutor();
        try
        {
            Executors.Default = inline;
            var caller = Environment.CurrentManagedThreadId;
            var threads = GeneratedSupport.Map(Method(), Enumerable.Range(0, 50).ToArray(), Sync<int, int>(_ => Environment.CurrentManagedThreadId), null, default);
            Assert.All(threads, t => Assert.Equal(caller, t));
            Assert.Same(inline, Executors.Default);
        }
        finally
        {
            Executors.Default = previous;
        }
    }

    [Fact]
    public void Inline_executor_runs_in_order_on_the_caller()
    {
        var order = new List<int>();
        var caller = Environment.CurrentManagedThreadId;
        GeneratedSupport.MapVoid(Method(maxDegreeOfParallelism: 8), Lazy(100), Sync<int, NoResult>(x => { Assert.Equal(caller, Environment.CurrentManagedThreadId); order.Add(x); return default; }), new MapOptions { Executor = InlineExecutor.Instance }, default);
        Assert.Equal(Enumerable.Range(0, 100), order);
    }

    [Fact]
    public void Executor_Map_and_lambda_bodies_work_without_the_generator()
    {
        var results = Bounded(() => Executors.Default.Map(Enumerable.Range(0, 100), x => x * 2));
        Assert.Equal(Enumerable.Range(0, 100).Select(x => x * 2), results);
    }
}
