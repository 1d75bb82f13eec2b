using System;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class TimeoutTests
{
    [Fact(Timeout = 120_000)]
    public async Task A_runaway_item_is_killed_with_its_worker_and_only_it_fails()
    {
        await using var pool = new ProcessPoolExecutor(1);
        await pool.StartAsync();
        var first = pool.WorkerProcessIds[0];
        var sink = await PoolHarness.RunAsync(pool, TestMethods.Behave, new[] { "ok:a", "spin:600000", "ok:b" }, TimeSpan.FromSeconds(3));
        Assert.Equal("a", sink.Result(0));
        Assert.IsType<TimeoutException>(sink.Error(1));
        Assert.Equal("b", sink.Result(2));
        Assert.True(await PoolHarness.EventuallyAsync(() => !PoolHarness.IsAlive(first), TimeSpan.FromSeconds(10)));
        Assert.Equal(2, pool.WorkersStarted);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_cooperative_late_item_stops_without_killing_its_worker()
    {
        await using var pool = new ProcessPoolExecutor(new ProcessPoolOptions { Workers = 1, TimeoutGrace = TimeSpan.FromSeconds(20) });
        var sink = await PoolHarness.RunAsync(pool, TestMethods.Behave, new[] { "sleep:600000", "ok:b" }, TimeSpan.FromSeconds(3));
        Assert.IsType<TimeoutException>(sink.Error(0));
        Assert.Equal("b", sink.Result(1));
        Assert.Equal(1, pool.WorkersStarted);
    }
}
