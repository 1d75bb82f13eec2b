using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 5 of the runtime issue: shutdown, submit after shutdown, disposal, no thread left behind.</summary>
public class ShutdownTests
{
    public static IEnumerable<object[]> PoolKinds() => [["threadpool-2"], ["workerpool-3"], ["workerpool-recycling"]];

    private static (Future<int> Running, ManualResetEventSlim Gate) StartBlocker(IExecutor executor)
    {
        var gate = new ManualResetEventSlim();
        var started = new ManualResetEventSlim();
        var running = executor.Submit(_ =>
        {
            started.Set();
            gate.Wait(Patience);
            return new ValueTask<int>(7);
        });
        Assert.True(started.Wait(Patience));
        return (running, gate);
    }

    [Theory]
    [MemberData(nameof(PoolKinds))]
    public async Task Shutdown_lets_running_and_pending_work_finish(string kind)
    {
        var executor = Create(kind);
        var blockers = Enumerable.Range(0, executor.MaxWorkers).Select(_ => StartBlocker(executor)).ToList();
        var pending = Enumerable.Range(0, 5).Select(i => executor.Submit(_ => new ValueTask<int>(i))).ToList();

        var shutdown = executor.ShutdownAsync();
        Assert.False(shutdown.IsCompleted);
        blockers.ForEach(b => b.Gate.Set());
        await shutdown.Bounded();

        Assert.All(blockers, b => Assert.Equal(7, b.Running.GetResult(TimeSpan.Zero)));
        Assert.Equal(Enumerable.Range(0, 5), pending.Select(p => p.GetResult(TimeSpan.Zero)));
    }

    [Theory]
    [MemberData(nameof(PoolKinds))]
    public async Task Shutdown_with_cancelPending_cancels_pending_work_and_lets_running_work_finish(string kind)
    {
        var executor = Create(kind);
        var blockers = Enumerable.Range(0, executor.MaxWorkers).Select(_ => StartBlocker(executor)).ToList();
        var ran = 0;
        var pending = Enumerable.Range(0, 5).Select(i => executor.Submit(_ => { Interlocked.Increment(ref ran); return new ValueTask<int>(i); })).ToList();

        var shutdown = executor.ShutdownAsync(cancelPending: true);
        Assert.All(pending, p => Assert.Equal(FutureStatus.Cancelled, p.Status));
        Assert.All(blockers, b => Assert.Equal(FutureStatus.Running, b.Running.Status));
        blockers.ForEach(b => b.Gate.Set());
        await shutdown.Bounded();

        Assert.All(blockers, b => Assert.Equal(7, b.Running.GetResult(TimeSpan.Zero)));
        Assert.Equal(0, ran);
    }

    [Theory]
    [MemberData(nameof(TestSupport.ExecutorKinds), MemberType = typeof(TestSupport))]
    public async Task Submit_and_Map_after_shutdown_throw_InvalidOperationException(string kind)
    {
        var executor = Create(kind);
        await executor.ShutdownAsync().Bounded();
        Assert.Throws<InvalidOperationException>(() => executor.Submit(_ => new ValueTask<int>(1)));
        Assert.Throws<InvalidOperationException>(() => GeneratedSupport.Submit(Method(), 1, Sync<int, int>(x => x), executor, default));
        Assert.Throws<InvalidOperationException>(() => GeneratedSupport.Map(Method(), new[] { 1, 2, 3 }, Sync<int, int>(x => x), new MapOptions { Executor = executor }, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => GeneratedSupport.MapAsync(Method(), new[] { 1, 2, 3 }, Sync<int, int>(x => x), new MapOptions { Executor = executor }, default));
    }

    [Theory]
    [MemberData(nameof(PoolKinds))]
    public async Task DisposeAsync_waits_for_running_work(string kind)
    {
        var executor = Create(kind);
        var (running, gate) = StartBlocker(executor);
        var disposal = executor.DisposeAsync().AsTask();
        await Task.Delay(20);
        Assert.False(disposal.IsCompleted);
        gate.Set();
        await disposal.Bounded();
        Assert.Equal(FutureStatus.Succeeded, running.Status);
    }

    [Fact]
    public async Task A_disposed_WorkerPool_leaves_no_thread_behind()
    {
        var threads = new ConcurrentDictionary<Thread, bool>();
        var pool = new WorkerPool(4, maxTasksPerWorker: 3);
        var futures = Enumerable.Range(0, 40).Select(i => pool.Submit(_ => { threads.TryAdd(Thread.CurrentThread, true); return new ValueTask<int>(i); })).ToList();
        GeneratedSupport.Map(Method(), Enumerable.Range(0, 100).ToArray(), Sync<int, int>(x => { threads.TryAdd(Thread.CurrentThread, true); return x; }), new MapOptions { Executor = pool }, default);
        await pool.DisposeAsync().AsTask().Bounded();

        Assert.All(futures, f => Assert.Equal(FutureStatus.Succeeded, f.Status));
        Assert.Equal(0, pool.LiveWorkers);
        Assert.All(threads.Keys, t => Assert.True(t.Join(Patience), "a worker thread is still alive"));
    }

    [Fact]
    public async Task Shutdown_with_cancelPending_makes_a_queued_map_throw_OperationCanceledException()
    {
        var executor = new ThreadPoolExecutor(1);
        var (_, gate) = StartBlocker(executor);
        var map = GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 10).ToArray(), Sync<int, int>(x => x), new MapOptions { Executor = executor }, default);
        var shutdown = executor.ShutdownAsync(cancelPending: true);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => map.Bounded());
        gate.Set();
        await shutdown.Bounded();
    }
}
