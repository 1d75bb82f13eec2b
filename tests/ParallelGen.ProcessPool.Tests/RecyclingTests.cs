using System;
using System.Linq;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class RecyclingTests
{
    [Fact(Timeout = 120_000)]
    public async Task MaxTasksPerWorker_replaces_a_worker_after_that_many_items()
    {
        await using var pool = new ProcessPoolExecutor(new ProcessPoolOptions { Workers = 1, MaxTasksPerWorker = 2 });
        var sink = await PoolHarness.BehaveAsync(pool, Enumerable.Repeat("pid", 6).ToArray());
        var pids = Enumerable.Range(0, 6).Select(i => sink.Result(i)).ToArray();
        Assert.Equal(3, pids.Distinct().Count());
        Assert.Equal(pids[0], pids[1]);
        Assert.Equal(pids[2], pids[3]);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_worker_over_the_memory_limit_is_replaced()
    {
        await using var pool = new ProcessPoolExecutor(new ProcessPoolOptions { Workers = 1, MaxWorkerMemoryBytes = 120L << 20 });
        var first = await PoolHarness.BehaveAsync(pool, "allocate:160", "pid");
        var second = await PoolHarness.BehaveAsync(pool, "pid");
        Assert.NotEqual(first.Result(1), second.Result(0));
    }

    [Fact(Timeout = 120_000)]
    public async Task Idle_workers_exit_and_come_back_when_work_comes()
    {
        await using var pool = new ProcessPoolExecutor(new ProcessPoolOptions { Workers = 1, IdleTimeout = TimeSpan.FromMilliseconds(200) });
        await PoolHarness.BehaveAsync(pool, "ok:1");
        Assert.True(await PoolHarness.EventuallyAsync(() => pool.WorkerProcessIds.Count == 0, TimeSpan.FromSeconds(20)));
        var again = await PoolHarness.BehaveAsync(pool, "ok:2");
        Assert.Equal("2", again.Result(0));
    }

    [Fact(Timeout = 120_000)]
    public async Task The_initializer_runs_in_each_worker_before_its_items()
    {
        var options = new ProcessPoolOptions { Workers = 2, Initializer = typeof(Behaviours).GetMethod(nameof(Behaviours.Initialize)) };
        await using var pool = new ProcessPoolExecutor(options);
        var sink = await PoolHarness.BehaveAsync(pool, Enumerable.Repeat("init", 10).ToArray());
        Assert.All(Enumerable.Range(0, 10), i => Assert.StartsWith("initialized in ", sink.Result(i)));
        Assert.Null(Behaviours.Initialized);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_initializer_that_throws_fails_the_items_with_its_exception()
    {
        var options = new ProcessPoolOptions { Workers = 1, Initializer = typeof(Behaviours).GetMethod(nameof(Behaviours.InitializeAndFail)) };
        await using var pool = new ProcessPoolExecutor(options);
        var sink = await PoolHarness.BehaveAsync(pool, "ok:1", "ok:2");
        Assert.All(Enumerable.Range(0, 2), i => Assert.Equal("the initializer failed", Assert.IsType<InvalidOperationException>(sink.Error(i)).Message));
    }

    [Fact]
    public void A_capturing_or_instance_initializer_is_refused()
    {
        var options = new ProcessPoolOptions { Initializer = typeof(object).GetMethod(nameof(ToString)) };
        Assert.Throws<ArgumentException>(() => new ProcessPoolExecutor(options));
    }
}
