using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests.Remote;

/// <summary>
/// Issue 10, point 2: an <see cref="Infrastructure.Remote.IBatchExecutor"/> plugs into the same engine as another kind
/// of worker. Every map shape runs against a fake executor that sends each item through a wire round trip.
/// </summary>
public class BatchWorkerTests
{
    private static MapOptions On(FakeBatchExecutor executor, ErrorMode errorMode = ErrorMode.FailFast) => new() { Executor = executor, ErrorMode = errorMode };

    [Fact]
    public async Task Map_returns_every_result_in_input_order_with_at_most_two_batches_per_worker_outstanding()
    {
        await using var executor = new FakeBatchExecutor(3);
        var items = Enumerable.Range(0, 20_000).ToArray();

        var results = Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, items, RemoteMethods.SquareBody, On(executor), default));

        Assert.Equal(items.Select(x => x * x), results);
        Assert.InRange(executor.MaxOutstanding, 1, 2 * executor.MaxWorkers);
    }

    [Fact]
    public async Task Batches_of_tiny_items_grow_past_one_item_so_the_round_trip_is_paid_for()
    {
        await using var executor = new FakeBatchExecutor(2);
        var results = Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, Lazy(40_000), RemoteMethods.SquareBody, On(executor), default));

        Assert.Equal(40_000, results.Length);
        Assert.Equal(39_999 * 39_999, results[^1]);

        // Items of nanoseconds: each batch lasts about the round trip, so batches grow (up to 32x a step).
        Assert.True(executor.BatchSizes.Max() >= 32, $"largest batch {executor.BatchSizes.Max()}");
        Assert.True(executor.Batches < 40_000 / 4, $"{executor.Batches} batches for 40,000 items");
    }

    [Fact]
    public async Task MapAsync_over_an_async_stream_and_void_maps_run_remotely()
    {
        await using var executor = new FakeBatchExecutor(2);
        var squares = await GeneratedSupport.MapAsync(RemoteMethods.SquareMethod, LazyAsync(3_000), RemoteMethods.SquareBody, On(executor), default).Bounded();
        Assert.Equal(Enumerable.Range(0, 3_000).Select(x => x * x), squares);

        var recorded = Enumerable.Range(1_000_000, 500).ToArray();
        GeneratedSupport.MapVoid(RemoteMethods.RecordMethod, recorded, WorkBody<int, NoResult>.Sync((_, _) => default), On(executor), default);
        await GeneratedSupport.MapVoidAsync(RemoteMethods.RecordMethod, recorded.Select(x => x + 500), WorkBody<int, NoResult>.Sync((_, _) => default), On(executor), default).Bounded();

        var seen = RemoteMethods.RecordSeen.Where(x => x >= 1_000_000 && x < 1_001_000).OrderBy(x => x);
        Assert.Equal(Enumerable.Range(1_000_000, 1_000), seen);
    }

    [Fact]
    public async Task AsCompleted_streams_every_item_unordered_and_in_input_order_when_asked()
    {
        await using var executor = new FakeBatchExecutor(2);
        var unordered = await GeneratedSupport.AsCompleted(RemoteMethods.SquareMethod, Enumerable.Range(0, 5_000), RemoteMethods.SquareBody, On(executor), default).ToListBounded();
        Assert.Equal(Enumerable.Range(0, 5_000), unordered.Select(c => (int)c.Index).OrderBy(i => i));
        Assert.All(unordered, c => Assert.Equal(c.Input * c.Input, c.Result));

        var options = On(executor);
        options.Ordered = true;
        var ordered = await GeneratedSupport.AsCompleted(RemoteMethods.SquareMethod, Lazy(5_000), RemoteMethods.SquareBody, options, default).ToListBounded();
        Assert.Equal(Enumerable.Range(0, 5_000), ordered.Select(c => (int)c.Index));
    }

    [Fact]
    public async Task A_stream_over_an_endless_source_holds_only_its_window()
    {
        await using var executor = new FakeBatchExecutor(2);
        var pulled = 0;
        IEnumerable<int> Endless()
        {
            for (var i = 0; ; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return i % 1_000;
            }
        }

        var taken = 0;
        using var cts = new CancellationTokenSource(Patience);
        await foreach (var completed in GeneratedSupport.AsCompleted(RemoteMethods.SquareMethod, Endless(), RemoteMethods.SquareBody, On(executor), default).WithCancellation(cts.Token))
        {
            if (++taken == 3_000)
            {
                break;
            }
        }

        // Two batch workers per remote worker claim within the window of a map of that many workers.
        var window = Mapping.MapRun<int, int>.WindowFor(2 * executor.MaxWorkers);
        Assert.InRange(Volatile.Read(ref pulled), 3_000, 3_000 + window + 100);
    }

    [Fact]
    public async Task Failed_items_are_collected_with_the_method_exception_and_crashed_workers()
    {
        await using var executor = new FakeBatchExecutor(2) { Crashes = x => x == 77 };
        var items = Enumerable.Range(0, 200).Select(x => x == 13 ? -13 : x).ToArray();

        var error = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, items, RemoteMethods.SquareBody, On(executor, ErrorMode.Collect), default)));

        Assert.Equal([13L, 77L], error.Failures.Select(f => f.Index));
        Assert.IsType<ArgumentOutOfRangeException>(error.Failures[0].Exception);
        var crash = Assert.IsType<WorkerCrashedException>(error.Failures[1].Exception);
        Assert.Equal(4242, crash.ProcessId);
        var results = Assert.IsType<int[]>(error.Results);
        Assert.Equal(199 * 199, results[199]);
        Assert.Equal(0, results[77]);
    }

    [Fact]
    public async Task FailFast_stops_the_map_with_the_first_failure()
    {
        var ran = 0;
        await using var executor = new FakeBatchExecutor(2) { BeforeItem = _ => Interlocked.Increment(ref ran) };
        var items = Enumerable.Range(0, 100_000).Select(x => x == 10 ? -1 : x).ToArray();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, items, RemoteMethods.SquareBody, On(executor), default)));

        Assert.Equal(-1, error.ActualValue);
        Assert.True(Volatile.Read(ref ran) < items.Length, "the map stopped claiming");
    }

    [Fact]
    public async Task ItemTimeout_is_passed_to_the_executor_and_late_items_fail_with_TimeoutException()
    {
        await using var executor = new FakeBatchExecutor(2) { Hangs = x => x == 5 };
        var options = On(executor, ErrorMode.Collect);
        options.ItemTimeout = TimeSpan.FromSeconds(3);

        var error = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, Enumerable.Range(0, 50).ToArray(), RemoteMethods.SquareBody, options, default)));

        Assert.All(executor.Timeouts, t => Assert.Equal(TimeSpan.FromSeconds(3), t));
        var failure = Assert.Single(error.Failures);
        Assert.Equal(5, failure.Index);
        Assert.IsType<TimeoutException>(failure.Exception);
    }

    [Fact]
    public async Task Cancelling_the_map_stops_it_and_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        await using var executor = new FakeBatchExecutor(2)
        {
            BeforeItem = x =>
            {
                if (x == 100)
                {
                    started.Set();
                    cts.Token.WaitHandle.WaitOne(Patience);
                }
            },
        };

        var map = GeneratedSupport.MapAsync(RemoteMethods.SquareMethod, Enumerable.Range(0, 1_000_000).ToArray(), RemoteMethods.SquareBody, On(executor), cts.Token);
        Assert.True(started.Wait(Patience));
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => map.Bounded());
    }

    [Fact]
    public async Task Progress_ends_with_the_final_counts()
    {
        await using var executor = new FakeBatchExecutor(2) { Crashes = x => x % 100 == 0 };
        var reports = new ConcurrentQueue<MapProgress>();
        var options = On(executor, ErrorMode.Collect);
        options.Progress = new Progress(reports);

        Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, Lazy(1_000), RemoteMethods.SquareBody, options, default)));

        Assert.Equal(new MapProgress(990, 10, 1_000), reports.Last());
    }

    [Fact]
    public async Task An_instance_method_runs_on_a_copy_of_its_instance()
    {
        await using var executor = new FakeBatchExecutor(2);
        var results = Bounded(() => GeneratedSupport.Map(RemoteMethods.ScaleMethod(3), Enumerable.Range(0, 100).ToList(), WorkBody<int, int>.Sync((x, _) => 3 * x), On(executor), default));
        Assert.Equal(Enumerable.Range(0, 100).Select(x => 3 * x), results);
    }

    [Fact]
    public async Task A_method_that_cannot_cross_fails_before_anything_starts()
    {
        await using var executor = new FakeBatchExecutor(2);
        var unregistered = new ParallelMethod("M:ParallelGen.Tests.Remote.Sample.Missing(System.Int32)");

        var missing = Assert.Throws<NotSupportedException>(() => GeneratedSupport.Map(unregistered, new[] { 1, 2 }, RemoteMethods.SquareBody, On(executor), default));
        Assert.Contains(unregistered.Id, missing.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => GeneratedSupport.AsCompleted(unregistered, new[] { 1, 2 }, RemoteMethods.SquareBody, On(executor), default));
        Assert.Throws<NotSupportedException>(() => GeneratedSupport.Submit(unregistered, 1, RemoteMethods.SquareBody, executor, default));

        var pinned = Assert.Throws<NotSupportedException>(() => { _ = GeneratedSupport.MapAsync(RemoteMethods.PinnedMethod, new[] { 1, 2 }, RemoteMethods.SquareBody, On(executor), default); });
        Assert.Contains("System.IntPtr", pinned.Message, StringComparison.Ordinal);
        Assert.Contains(RemoteMethods.PinnedId, executor.Checked);

        Assert.Equal(0, executor.Batches);
    }

    [Fact]
    public async Task Submit_is_a_batch_of_one_whose_outcome_completes_the_future()
    {
        await using var executor = new FakeBatchExecutor(2) { Crashes = x => x == 9 };

        Assert.Equal(49, await GeneratedSupport.Submit(RemoteMethods.SquareMethod, 7, RemoteMethods.SquareBody, executor, default).Task.Bounded());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => GeneratedSupport.Submit(RemoteMethods.SquareMethod, -7, RemoteMethods.SquareBody, executor, default).Task.Bounded());
        await Assert.ThrowsAsync<WorkerCrashedException>(() => GeneratedSupport.Submit(RemoteMethods.SquareMethod, 9, RemoteMethods.SquareBody, executor, default).Task.Bounded());
        Assert.Equal(3, executor.Batches);
        Assert.All(executor.BatchSizes, size => Assert.Equal(1, size));
    }

    private sealed class Progress(ConcurrentQueue<MapProgress> reports) : IProgress<MapProgress>
    {
        public void Report(MapProgress value) => reports.Enqueue(value);
    }
}
