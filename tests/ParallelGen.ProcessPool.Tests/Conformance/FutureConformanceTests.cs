using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests.Conformance;

/// <summary>Issue 11, point 6: generated XSubmit, futures and <see cref="Futures"/> behave the same on threads and in worker processes.</summary>
[Collection("process pool")]
public sealed class FutureConformanceTests(SharedExecutors executors) : IClassFixture<SharedExecutors>
{
    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Submit_returns_a_future_of_the_result_or_of_the_method_own_exception(string kind)
    {
        var executor = executors.Get(kind);
        Future<long> square = ConformanceWork.SquareSubmit(12, executor);
        Future<int> bad = ConformanceWork.CheckSubmit(3, executor);

        Assert.Equal(144, await square.Task.Bounded());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.Task.Bounded());
        Assert.Equal("item 3 is bad", error.Message);
        Assert.Equal(FutureStatus.Faulted, bad.Status);
        Assert.Equal(144, square.GetResult(TimeSpan.Zero));
    }

    [Fact(Timeout = 120_000)]
    public Task TryCancel_succeeds_only_for_a_future_that_has_not_started_on_threads() => TryCancelOnlyBeforeStart(ExecutorKinds.Threads);

    [Fact(Timeout = 120_000)]
    public Task TryCancel_succeeds_only_for_a_future_that_has_not_started_on_processes() => TryCancelOnlyBeforeStart(ExecutorKinds.Processes);

    private async Task TryCancelOnlyBeforeStart(string kind)
    {
        var executor = executors.Get(kind);
        using var stop = new CancellationTokenSource();

        // More long items than workers can run or hold queued, so the last one waits in the executor.
        var blockers = Enumerable.Range(0, 8).Select(_ => ConformanceWork.LingerSubmit(60_000, executor, stop.Token)).ToArray();
        try
        {
            var waiting = ConformanceWork.SquareSubmit(5, executor);
            Assert.True(await WaitUntil(() => blockers[0].Status == FutureStatus.Running));

            Assert.True(waiting.TryCancel());
            Assert.Equal(FutureStatus.Cancelled, waiting.Status);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Task.Bounded());
            Assert.False(blockers[0].TryCancel());
        }
        finally
        {
            // Also when an assertion failed: the blockers must not hold the shared executor for the next tests.
            stop.Cancel();
        }

        foreach (var blocker in blockers)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocker.Task.Bounded());
        }
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task A_future_cancelled_while_it_waits_never_runs(string kind)
    {
        var directory = ExecutorKinds.TempDirectory();
        var executor = ExecutorKinds.Create(kind);
        try
        {
            // Both workers busy until released, so the next futures wait (in the parent, on a process pool).
            var running = Enumerable.Range(0, 2).Select(i => ConformanceWork.HoldUntilReleasedSubmit(directory, i, executor)).ToArray();
            Assert.True(await PoolHarness.EventuallyAsync(() => Started(directory).Length == 2, ExecutorKinds.Patience));
            var waiting = Enumerable.Range(10, 4).Select(i => ConformanceWork.HoldUntilReleasedSubmit(directory, i, executor)).ToArray();

            Assert.All(waiting, f => Assert.Equal(FutureStatus.Pending, f.Status));
            Assert.All(waiting, f => Assert.True(f.TryCancel()));
            File.WriteAllText(Path.Combine(directory, "release"), "");

            Assert.Equal(new[] { 0, 1 }, await Task.WhenAll(running.Select(f => f.Task)).Bounded());
            Assert.Equal(20, await ConformanceWork.HoldUntilReleasedSubmit(directory, 20, executor).Task.Bounded());
            await executor.ShutdownAsync().Bounded();
            Assert.Equal(new[] { "started-0", "started-1", "started-20" }, Started(directory));
            Assert.All(waiting, f => Assert.Equal(FutureStatus.Cancelled, f.Status));
        }
        finally
        {
            await executor.DisposeAsync().AsTask().Bounded();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Started(string directory) =>
        Directory.GetFiles(directory, "started-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task WaitAsync_first_completed_and_all_completed_split_done_from_not_done(string kind)
    {
        var executor = executors.Get(kind);
        using var stop = new CancellationTokenSource();
        var quick = ConformanceWork.LingerSubmit(1, executor);
        var slow = ConformanceWork.LingerSubmit(60_000, executor, stop.Token);

        var first = await Futures.WaitAsync(new[] { quick, slow }, WaitFor.FirstCompleted).Bounded();
        Assert.Equal(new[] { quick }, first.Done);
        Assert.Equal(new[] { slow }, first.NotDone);

        var timedOut = await Futures.WaitAsync(new[] { quick, slow }, WaitFor.AllCompleted, TimeSpan.FromMilliseconds(200)).Bounded();
        Assert.Equal(new[] { slow }, timedOut.NotDone);

        stop.Cancel();
        var all = await Futures.WaitAsync(new[] { quick, slow }, WaitFor.AllCompleted).Bounded();
        Assert.Equal(2, all.Done.Count);
        Assert.Empty(all.NotDone);
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task WaitAsync_first_exception_returns_when_a_future_fails(string kind)
    {
        var executor = executors.Get(kind);
        using var stop = new CancellationTokenSource();
        var slow = ConformanceWork.LingerSubmit(60_000, executor, stop.Token);
        var failing = ConformanceWork.CheckSubmit(8, executor);

        var result = await Futures.WaitAsync(new[] { slow, failing }, WaitFor.FirstException).Bounded();

        Assert.Same(failing, Assert.Single(result.Done));
        Assert.IsType<InvalidOperationException>(failing.Exception);
        Assert.Same(slow, Assert.Single(result.NotDone));
        stop.Cancel();
    }

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(ExecutorKinds.Both), MemberType = typeof(ExecutorKinds))]
    public async Task Futures_AsCompleted_yields_each_future_as_it_finishes(string kind)
    {
        var executor = executors.Get(kind);
        var futures = new[] { 1_500, 1 }.Select(ms => ConformanceWork.LingerSubmit(ms, executor)).ToArray();

        var order = await Futures.AsCompleted(futures).ToListBounded();

        Assert.Equal(new[] { 1, 1_500 }, order.Select(f => f.GetResult(TimeSpan.Zero)));
    }

    private static async Task<bool> WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow + ExecutorKinds.Patience;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        return condition();
    }
}
