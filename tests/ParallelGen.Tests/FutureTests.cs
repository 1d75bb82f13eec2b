using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 4 of the runtime issue: futures with the semantics of CPython's concurrent.futures tests.</summary>
public sealed class FutureTests : IAsyncLifetime
{
    private readonly ThreadPoolExecutor _executor = new(1);
    private readonly ManualResetEventSlim _gate = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _gate.Set();
        await _executor.ShutdownAsync(cancelPending: true).Bounded();
        _gate.Dispose();
    }

    private sealed class WorkException(string message) : Exception(message);

    /// <summary>Occupies the executor's only worker until the gate opens; returns once the blocker is running.</summary>
    private Future<int> Blocker()
    {
        using var started = new ManualResetEventSlim();
        var future = _executor.Submit(_ =>
        {
            started.Set();
            _gate.Wait(Patience);
            return new ValueTask<int>(-1);
        });
        Assert.True(started.Wait(Patience));
        return future;
    }

    private Future<int> Finished(int value)
    {
        var future = InlineExecutor.Instance.Submit(_ => new ValueTask<int>(value));
        Assert.Equal(FutureStatus.Succeeded, future.Status);
        return future;
    }

    private Future<int> Failed(string message)
    {
        var future = InlineExecutor.Instance.Submit<int>(_ => throw new WorkException(message));
        Assert.Equal(FutureStatus.Faulted, future.Status);
        return future;
    }

    [Fact]
    public void TryCancel_succeeds_on_a_pending_future_and_it_never_runs()
    {
        var blocker = Blocker();
        var ran = false;
        var pending = _executor.Submit(_ => { ran = true; return new ValueTask<int>(1); });
        Assert.Equal(FutureStatus.Pending, pending.Status);

        Assert.True(pending.TryCancel());
        Assert.True(pending.TryCancel()); // cancelling a cancelled future still reports true, as Future.cancel() does
        Assert.Equal(FutureStatus.Cancelled, pending.Status);
        Assert.True(pending.IsCompleted);
        Assert.True(pending.IsCancelled);
        Assert.Throws<TaskCanceledException>(() => pending.GetResult(TimeSpan.Zero));

        _gate.Set();
        Assert.Equal(-1, blocker.GetResult(Patience));
        Assert.False(ran);
    }

    [Fact]
    public void TryCancel_fails_on_a_running_future()
    {
        var running = Blocker();
        Assert.Equal(FutureStatus.Running, running.Status);
        Assert.True(running.IsRunning);
        Assert.False(running.TryCancel());
        _gate.Set();
        Assert.Equal(-1, running.GetResult(Patience));
        Assert.Equal(FutureStatus.Succeeded, running.Status);
    }

    [Fact]
    public void TryCancel_fails_on_a_finished_future()
    {
        var done = Finished(3);
        Assert.False(done.TryCancel());
        var failed = Failed("x");
        Assert.False(failed.TryCancel());
        Assert.Equal(3, done.GetResult(TimeSpan.Zero));
    }

    [Fact]
    public void A_submit_token_cancels_a_pending_future()
    {
        var blocker = Blocker();
        using var cts = new CancellationTokenSource();
        var pending = _executor.Submit(_ => new ValueTask<int>(1), cts.Token);
        cts.Cancel();
        Assert.Equal(FutureStatus.Cancelled, pending.Status);
        _gate.Set();
        blocker.GetResult(Patience);
    }

    [Fact]
    public void GetResult_with_a_timeout_throws_TimeoutException_while_pending()
    {
        var blocker = Blocker();
        Assert.Throws<TimeoutException>(() => blocker.GetResult(TimeSpan.FromMilliseconds(20)));
        Assert.Throws<TimeoutException>(() => blocker.Wait(TimeSpan.Zero));
        _gate.Set();
        Assert.Equal(-1, blocker.GetResult(Patience));
    }

    [Fact]
    public void GetResult_rethrows_the_work_s_own_exception()
    {
        var failed = Failed("own");
        var thrown = Assert.Throws<WorkException>(() => failed.GetResult(TimeSpan.FromSeconds(1)));
        Assert.Equal("own", thrown.Message);
        Assert.Same(thrown, failed.Exception);
        Assert.Throws<WorkException>(() => failed.Wait(TimeSpan.Zero));
    }

    [Fact]
    public async Task Awaiting_a_future_yields_its_result_or_its_exception()
    {
        Assert.Equal(3, await Finished(3));
        await Assert.ThrowsAsync<WorkException>(async () => await Failed("awaited"));
    }

    [Fact]
    public void Generated_Submit_runs_the_body_with_its_arguments()
    {
        var future = GeneratedSupport.Submit(Method(), (2, 3), Sync<(int, int), int>(t => t.Item1 * t.Item2), null, default);
        Assert.Equal(6, future.GetResult(Patience));
        var asyncFuture = GeneratedSupport.Submit(Method(), 4, Async<int, int>(async (x, _) => { await Task.Yield(); return x + 1; }), null, default);
        Assert.Equal(5, asyncFuture.GetResult(Patience));
        Future voidFuture = GeneratedSupport.SubmitVoid(Method(), 1, Sync<int, NoResult>(_ => default), null, default);
        voidFuture.Wait(Patience);
        Assert.Equal(FutureStatus.Succeeded, voidFuture.Status);
    }

    [Fact]
    public async Task AsCompleted_yields_already_finished_futures_first_and_each_once()
    {
        var blocker = Blocker();
        var done1 = Finished(1);
        var done2 = Failed("f");
        var order = new List<Future<int>>();
        await foreach (var future in Futures.AsCompleted([blocker, done1, done1, done2, blocker]).WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            order.Add(future);
            if (order.Count == 2)
            {
                _gate.Set();
            }
        }

        Assert.Equal([done1, done2, blocker], order);
    }

    [Fact]
    public async Task AsCompleted_throws_on_timeout_with_the_count_of_unfinished_futures()
    {
        var blocker = Blocker();
        var pending = _executor.Submit(_ => new ValueTask<int>(2));
        var done = Finished(1);
        var yielded = new List<Future<int>>();
        var thrown = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var future in Futures.AsCompleted([done, blocker, pending, done], TimeSpan.FromMilliseconds(100)))
            {
                yielded.Add(future);
            }
        }).Bounded();
        Assert.Equal("2 (of 3) futures unfinished", thrown.Message);
        Assert.Equal([done], yielded);
    }

    [Fact]
    public async Task AsCompleted_with_zero_timeout_yields_finished_futures_without_throwing()
    {
        var yielded = await Futures.AsCompleted([Finished(1), Finished(2)], TimeSpan.Zero).ToListBounded();
        Assert.Equal(2, yielded.Count);
    }

    [Fact]
    public async Task WaitAsync_FirstCompleted_returns_when_one_finishes()
    {
        var blocker = Blocker();
        var done = Finished(1);
        var (finished, unfinished) = await Futures.WaitAsync([blocker, done], WaitFor.FirstCompleted, TimeSpan.FromSeconds(30)).Bounded();
        Assert.Equal([done], finished);
        Assert.Equal([blocker], unfinished);
    }

    [Fact]
    public async Task WaitAsync_FirstCompleted_waits_for_a_pending_future_to_finish()
    {
        var blocker = Blocker();
        var wait = Futures.WaitAsync([blocker], WaitFor.FirstCompleted);
        Assert.False(wait.IsCompleted);
        _gate.Set();
        var result = await wait.Bounded();
        Assert.Equal([blocker], result.Done);
        Assert.Empty(result.NotDone);
    }

    [Fact]
    public async Task WaitAsync_FirstException_returns_at_the_first_failure()
    {
        var blocker = Blocker();
        var failed = Failed("first");
        var done = Finished(2);
        var result = await Futures.WaitAsync([blocker, failed, done], WaitFor.FirstException).Bounded();
        Assert.Equal(2, result.Done.Count);
        Assert.Contains(failed, result.Done);
        Assert.Equal([blocker], result.NotDone);
    }

    [Fact]
    public async Task WaitAsync_FirstException_without_failures_waits_for_all()
    {
        var blocker = Blocker();
        var cancelled = _executor.Submit(_ => new ValueTask<int>(0));
        Assert.True(cancelled.TryCancel());
        var wait = Futures.WaitAsync([blocker, Finished(1), cancelled], WaitFor.FirstException);
        Assert.False(wait.IsCompleted);
        _gate.Set();
        var result = await wait.Bounded();
        Assert.Equal(3, result.Done.Count);
        Assert.Empty(result.NotDone);
    }

    [Fact]
    public async Task WaitAsync_AllCompleted_waits_for_every_future()
    {
        var blocker = Blocker();
        var done = Finished(1);
        var wait = Futures.WaitAsync([blocker, done, Failed("x")]);
        Assert.False(wait.IsCompleted);
        _gate.Set();
        var result = await wait.Bounded();
        Assert.Equal(3, result.Done.Count);
        Assert.Empty(result.NotDone);
    }

    [Fact]
    public async Task WaitAsync_returns_on_timeout_instead_of_throwing()
    {
        var blocker = Blocker();
        var done = Finished(1);
        var result = await Futures.WaitAsync([blocker, done], WaitFor.AllCompleted, TimeSpan.FromMilliseconds(50)).Bounded();
        Assert.Equal([done], result.Done);
        Assert.Equal([blocker], result.NotDone);
    }

    [Fact]
    public async Task WaitAsync_counts_duplicate_futures_once()
    {
        var done = Finished(1);
        var failed = Failed("x");
        var result = await Futures.WaitAsync([done, done, failed, done, failed]).Bounded();
        Assert.Equal(2, result.Done.Count);
        Assert.Empty(result.NotDone);
    }

    [Fact]
    public async Task WaitAsync_of_no_futures_returns_empty_sets()
    {
        var result = await Futures.WaitAsync(Array.Empty<Future<int>>(), WaitFor.FirstCompleted).Bounded();
        Assert.Empty(result.Done);
        Assert.Empty(result.NotDone);
    }

    [Fact]
    public async Task Futures_of_void_methods_work_with_AsCompleted_and_WaitAsync()
    {
        var blocker = Blocker();
        Future done = GeneratedSupport.SubmitVoid(Method(), 1, Sync<int, NoResult>(_ => default), InlineExecutor.Instance, default);
        var (finished, unfinished) = await Futures.WaitAsync([done, blocker, done], WaitFor.FirstCompleted).Bounded();
        Assert.Equal([done], finished);
        Assert.Equal([(Future)blocker], unfinished);

        var order = new List<Future>();
        await foreach (var future in Futures.AsCompleted(new Future[] { blocker, done }).WithCancellation(new CancellationTokenSource(Patience).Token))
        {
            order.Add(future);
            _gate.Set();
        }

        Assert.Equal([done, blocker], order);
    }
}
