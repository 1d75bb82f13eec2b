using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests.Conformance;

/// <summary>Issue 11, point 6: the generated Map, MapAsync and AsCompleted give the same results on threads and in worker processes.</summary>
[Collection("process pool")]
public sealed class MapConformanceTests(SharedExecutors executors) : IClassFixture<SharedExecutors>
{
    private MapOptions On(string kind) => new() { Executor = executors.Get(kind) };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Map_returns_every_result_in_input_order_from_an_array_and_a_lazy_source(string kind)
    {
        var expected = Enumerable.Range(0, 20_000).Select(x => (long)x * x).ToArray();
        Assert.Equal(expected, await ExecutorKinds.Bounded(() => ConformanceWork.SquareMap(Enumerable.Range(0, 20_000).ToArray(), On(kind))));
        Assert.Equal(expected, await ExecutorKinds.Bounded(() => ConformanceWork.SquareMap(Lazy(20_000), On(kind))));
        Assert.Equal(expected[..7], await ExecutorKinds.Bounded(() => ConformanceWork.SquareMap(Lazy(7), new MapOptions { Executor = executors.Get(kind), ChunkSize = 3 })));
        Assert.Empty(await ExecutorKinds.Bounded(() => ConformanceWork.SquareMap(Array.Empty<int>(), On(kind))));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Items_run_in_the_caller_process_on_threads_and_in_the_pool_workers_on_processes(string kind)
    {
        var pids = (await ExecutorKinds.Bounded(() => ConformanceWork.WorkerPidMap(Enumerable.Range(0, 200), new MapOptions { Executor = executors.Get(kind), ChunkSize = 1 }))).ToHashSet();
        if (kind == ExecutorKinds.Threads)
        {
            Assert.Equal(new[] { Environment.ProcessId }, pids);
        }
        else
        {
            Assert.DoesNotContain(Environment.ProcessId, pids);
            Assert.Subset(executors.Processes.WorkerProcessIds.ToHashSet(), pids);
        }
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task MapAsync_over_an_enumerable_and_an_async_enumerable_keeps_input_order(string kind)
    {
        var expected = Enumerable.Range(0, 5_000).Select(x => (long)x * x).ToArray();
        Assert.Equal(expected, await ConformanceWork.SquareMapAsync(Lazy(5_000), On(kind)).Bounded());
        Assert.Equal(expected, await ConformanceWork.SquareMapAsync(LazyAsync(5_000), On(kind)).Bounded());
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Void_maps_run_every_item_once(string kind)
    {
        var directory = ExecutorKinds.TempDirectory();
        try
        {
            await ExecutorKinds.Bounded(() =>
            {
                ConformanceWork.TouchMap(Enumerable.Range(0, 100).Select(i => (directory, i)), On(kind));
                return 0;
            });
            await ConformanceWork.TouchMapAsync(Enumerable.Range(100, 100).Select(i => (directory, i)), On(kind)).Bounded();
            var streamed = await ConformanceWork.TouchAsCompleted(Enumerable.Range(200, 100).Select(i => (directory, i)), On(kind)).ToListBounded();

            Assert.Equal(Enumerable.Range(200, 100), streamed.Select(c => c.Input.x).Order());
            Assert.All(streamed, c => Assert.True(c.Succeeded));
            Assert.Equal(Enumerable.Range(0, 300), Directory.GetFiles(directory).Select(f => int.Parse(Path.GetFileName(f))).Order());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Ordered_AsCompleted_yields_in_input_order_with_each_input(string kind)
    {
        int[] delays = [400, 10, 250, 10, 10];
        var options = new MapOptions { Executor = executors.Get(kind), Ordered = true, ChunkSize = 1 };
        var done = await ConformanceWork.LingerAsCompleted(delays, options).ToListBounded();

        Assert.Equal(Enumerable.Range(0, delays.Length), done.Select(c => (int)c.Index));
        Assert.Equal(delays, done.Select(c => c.Input));
        Assert.Equal(delays, done.Select(c => c.Result));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Unordered_AsCompleted_yields_quick_items_before_a_slow_earlier_one(string kind)
    {
        int[] delays = [3_000, 1, 1, 1, 1, 1];
        var options = new MapOptions { Executor = executors.Get(kind), ChunkSize = 1 };
        var done = await ConformanceWork.LingerAsCompleted(delays, options).ToListBounded();

        // Not "0 comes last": a process worker holds one queued batch behind its running one, so an item may wait behind the slow one.
        Assert.NotEqual(0L, done[0].Index);
        Assert.Equal(Enumerable.Range(0, delays.Length), done.Select(c => (int)c.Index).Order());
        Assert.All(done, c => Assert.Equal(delays[(int)c.Index], c.Result));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Records_lists_dictionaries_and_sets_cross_as_arguments_and_results(string kind)
    {
        var orders = Enumerable.Range(0, 300).Select(i => new Order(
            "customer-" + i,
            Enumerable.Range(0, i % 7).Select(j => new Line("sku-" + (j % 3), j + 1, 1.25m * j)).ToList(),
            new Dictionary<string, int> { ["tag-" + (i % 4)] = i, ["all"] = 1 },
            i % 2 == 0 ? null : 0.5m)).ToArray();

        var summaries = await ExecutorKinds.Bounded(() => ConformanceWork.SummarizeMap(orders, On(kind)));

        for (var i = 0; i < orders.Length; i++)
        {
            var expected = Summary.Of(orders[i]);
            var actual = summaries[i];
            Assert.Equal(expected.Customer, actual.Customer);
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.QuantityBySku.OrderBy(p => p.Key), actual.QuantityBySku.OrderBy(p => p.Key));
            Assert.True(expected.Tags.SetEquals(actual.Tags));
            Assert.Equal(expected.Quantities, actual.Quantities);
            Assert.Equal(kind == ExecutorKinds.Processes, actual.WorkerPid != Environment.ProcessId);
        }
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Instance_methods_run_on_their_instance(string kind)
    {
        var scaler = new Scaler(Factor: 3);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(x => 3 * x), await ExecutorKinds.Bounded(() => scaler.ScaleMap(Enumerable.Range(0, 1_000), On(kind))));
        Assert.Equal(21, await scaler.ScaleSubmit(7, executors.Get(kind)).Task.Bounded());
    }

    [Fact(Timeout = 120_000)]
    public async Task On_processes_an_instance_is_copied_so_the_caller_never_sees_the_worker_write_it()
    {
        var tally = new Tally { Count = 100 };
        var counts = await ExecutorKinds.Bounded(() => tally.AddMap([1, 1, 1], new MapOptions { Executor = executors.Processes, ChunkSize = 1 }));

        Assert.All(counts, c => Assert.True(c > 100));
        Assert.Equal(100, tally.Count);
        Assert.Equal(101, tally.AddMap([1], new MapOptions { Executor = executors.Threads })[0]);
        Assert.Equal(101, tally.Count);
    }

    private static IEnumerable<int> Lazy(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> LazyAsync(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 97 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return i;
        }
    }
}
