using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests.Conformance;

/// <summary>Issue 11, point 6: errors, timeouts, cancellation, progress and shutdown behave the same on threads and in worker processes.</summary>
[Collection("process pool")]
public sealed class ControlConformanceTests(SharedExecutors executors) : IClassFixture<SharedExecutors>
{
    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task FailFast_throws_the_method_own_exception(string kind)
    {
        var options = new MapOptions { Executor = executors.Get(kind) };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ExecutorKinds.Bounded(() => ConformanceWork.CheckMap(Enumerable.Range(0, 1_000), options)));
        Assert.Matches("^item [0-9]+ is bad$", error.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConformanceWork.CheckMapAsync(Enumerable.Range(0, 1_000), options).Bounded());
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Collect_finishes_every_item_and_reports_every_failure_by_index(string kind)
    {
        var options = new MapOptions { Executor = executors.Get(kind), ErrorMode = ErrorMode.Collect };
        var error = await Assert.ThrowsAsync<MapException>(() => ExecutorKinds.Bounded(() => ConformanceWork.CheckMap(Enumerable.Range(0, 1_000), options)));

        Assert.Equal(Enumerable.Range(0, 1_000).Where(x => x % 5 == 3).Select(x => (long)x), error.Failures.Select(f => f.Index).Order());
        Assert.All(error.Failures, f => Assert.Equal($"item {f.Index} is bad", Assert.IsType<InvalidOperationException>(f.Exception).Message));
        var results = Assert.IsType<int[]>(error.Results);
        Assert.All(Enumerable.Range(0, 1_000).Where(x => x % 5 != 3), x => Assert.Equal(x, results[x]));

        var streamed = await ConformanceWork.CheckAsCompleted(Enumerable.Range(0, 100), options).ToListBounded();
        Assert.Equal(20, streamed.Count(c => c.Exception is InvalidOperationException));
        Assert.All(streamed.Where(c => c.Succeeded), c => Assert.Equal(c.Input, c.Result));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task ItemTimeout_fails_only_the_late_item_with_TimeoutException(string kind)
    {
        int[] delays = [1, 1, 60_000, 1, 1, 1];
        var options = new MapOptions { Executor = executors.Get(kind), ErrorMode = ErrorMode.Collect, ItemTimeout = TimeSpan.FromSeconds(3), ChunkSize = 1 };

        var error = await Assert.ThrowsAsync<MapException>(() => ConformanceWork.LingerMapAsync(delays, options).Bounded());

        var failure = Assert.Single(error.Failures);
        Assert.Equal(2, failure.Index);
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Equal(new[] { 1, 1, 0, 1, 1, 1 }, Assert.IsType<int[]>(error.Results));
    }

    [Fact(Timeout = 120_000)]
    public async Task On_processes_ItemTimeout_kills_an_item_that_ignores_its_token_and_replaces_its_worker()
    {
        var pool = executors.Processes;
        var before = pool.WorkersStarted;
        int[] naps = [1, 600_000, 1, 1];
        var options = new MapOptions { Executor = pool, ErrorMode = ErrorMode.Collect, ItemTimeout = TimeSpan.FromSeconds(3), ChunkSize = 1 };

        var error = await Assert.ThrowsAsync<MapException>(() => ConformanceWork.NapMapAsync(naps, options).Bounded());

        Assert.Equal(1, Assert.Single(error.Failures).Index);
        Assert.IsType<TimeoutException>(error.Failures[0].Exception);
        Assert.Equal(new[] { 1, 0, 1, 1 }, Assert.IsType<int[]>(error.Results));

        // The killed worker is replaced when work is waiting for a worker (workers start lazily): the pool is back at full width.
        Assert.Equal(new[] { 300, 300, 300, 300, 300, 300 }, await ConformanceWork.LingerMapAsync([300, 300, 300, 300, 300, 300], new MapOptions { Executor = pool, ChunkSize = 1 }).Bounded());
        Assert.True(await PoolHarness.EventuallyAsync(() => pool.WorkerProcessIds.Count == 2, ExecutorKinds.Patience));
        Assert.True(pool.WorkersStarted > before);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Cancellation_starts_nothing_new_and_running_items_see_the_token(string kind)
    {
        var directory = ExecutorKinds.TempDirectory();
        try
        {
            using var cts = new CancellationTokenSource();
            var options = new MapOptions { Executor = executors.Get(kind), ChunkSize = 1 };
            var map = ConformanceWork.AwaitCancellationMapAsync(Enumerable.Range(0, 50).Select(i => (directory, i)), options, cts.Token);
            Assert.True(await PoolHarness.EventuallyAsync(() => Count(directory, "started-") == 2, ExecutorKinds.Patience));

            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => map.Bounded());
            await Task.Delay(500);

            Assert.Equal(2, Count(directory, "started-"));
            Assert.True(await PoolHarness.EventuallyAsync(() => Count(directory, "saw-") == 2, ExecutorKinds.Patience));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Progress_counts_every_completed_and_failed_item_against_the_total(string kind)
    {
        var reports = new ConcurrentQueue<MapProgress>();
        var options = new MapOptions { Executor = executors.Get(kind), ErrorMode = ErrorMode.Collect, Progress = new Recorder(reports) };

        await Assert.ThrowsAsync<MapException>(() => ExecutorKinds.Bounded(() => ConformanceWork.CheckMap(Enumerable.Range(0, 2_000).ToArray(), options)));

        Assert.True(await PoolHarness.EventuallyAsync(() => reports.Any(r => r.Completed + r.Failed == 2_000), ExecutorKinds.Patience));
        var last = reports.MaxBy(r => r.Completed + r.Failed);
        Assert.Equal(new MapProgress(1_600, 400, 2_000), last);
        Assert.All(reports, r => Assert.True(r.Completed <= 1_600 && r.Failed <= 400));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task AsCompleted_over_an_endless_source_holds_a_bounded_window_and_stops_when_the_consumer_leaves(string kind)
    {
        long pulled = 0;
        var seen = 0;
        await foreach (var done in ConformanceWork.SquareAsCompleted(Endless(() => Interlocked.Increment(ref pulled)), new MapOptions { Executor = executors.Get(kind) }))
        {
            Assert.Equal((long)done.Input * done.Input, done.Result);
            if (++seen == 100_000)
            {
                break;
            }
        }

        var atBreak = Interlocked.Read(ref pulled);
        await Task.Delay(500);

        Assert.InRange(atBreak, 100_000, 100_000 + 40_000);
        Assert.Equal(atBreak, Interlocked.Read(ref pulled));
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Shutdown_lets_running_work_finish_and_then_refuses_new_work(string kind)
    {
        var directory = ExecutorKinds.TempDirectory();
        var executor = ExecutorKinds.Create(kind);
        try
        {
            var running = ConformanceWork.HoldMapAsync([(directory, 0, 1_000), (directory, 1, 1_000)], new MapOptions { Executor = executor, ChunkSize = 1 });
            Assert.True(await PoolHarness.EventuallyAsync(() => Count(directory, "started-") == 2, ExecutorKinds.Patience));

            var shutdown = executor.ShutdownAsync();

            Assert.Equal(new[] { 0, 1 }, await running.Bounded());
            await shutdown.Bounded();
            Assert.Throws<InvalidOperationException>(() => ConformanceWork.SquareMap([1], new MapOptions { Executor = executor }));
            Assert.Throws<InvalidOperationException>(() => ConformanceWork.SquareSubmit(1, executor));
        }
        finally
        {
            await executor.DisposeAsync().AsTask().Bounded();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact(Timeout = 120_000)]
    public Task Shutdown_with_cancelPending_cancels_work_not_started_and_lets_running_work_finish_on_threads() =>
        ShutdownWithCancelPending(ExecutorKinds.Threads);

    [Fact(Timeout = 120_000)]
    public Task Shutdown_with_cancelPending_cancels_work_not_started_and_lets_running_work_finish_on_processes() =>
        ShutdownWithCancelPending(ExecutorKinds.Processes);

    private static async Task ShutdownWithCancelPending(string kind)
    {
        var directory = ExecutorKinds.TempDirectory();
        var executor = ExecutorKinds.Create(kind);
        try
        {
            // Held until released, so the running pair is still running when the shutdown comes, however loaded the machine.
            var running = Enumerable.Range(0, 2).Select(i => ConformanceWork.HoldUntilReleasedSubmit(directory, i, executor)).ToArray();
            Assert.True(await PoolHarness.EventuallyAsync(() => Count(directory, "started-") == 2, ExecutorKinds.Patience));
            var pending = Enumerable.Range(0, 6).Select(i => ConformanceWork.SquareSubmit(i, executor)).ToArray();

            var shutdown = executor.ShutdownAsync(cancelPending: true);
            File.WriteAllText(Path.Combine(directory, "release"), "");
            await shutdown.Bounded();

            Assert.Equal(new[] { 0, 1 }, running.Select(f => f.GetResult(TimeSpan.Zero)));
            Assert.All(pending, f => Assert.Equal(FutureStatus.Cancelled, f.Status));
        }
        finally
        {
            await executor.DisposeAsync().AsTask().Bounded();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int Count(string directory, string prefix) => Directory.GetFiles(directory, prefix + "*").Length;

    private static System.Collections.Generic.IEnumerable<int> Endless(Action onPull)
    {
        for (var i = 0; ; i = (i + 1) % 46_000)
        {
            onPull();
            yield return i;
        }
    }

    private sealed class Recorder(ConcurrentQueue<MapProgress> reports) : IProgress<MapProgress>
    {
        public void Report(MapProgress value) => reports.Enqueue(value);
    }
}
