using System;
using System.Linq;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class CrashTests
{
    [Theory(Timeout = 120_000)]
    [InlineData("kill", null, "SIGKILL", null)]
    [InlineData("segfault", null, "SIGSEGV", null)]
    [InlineData("failfast", null, "SIGABRT", "failing fast on purpose")]
    [InlineData("stackoverflow", null, "SIGABRT", "Stack overflow")]
    [InlineData("exit:3", 3, null, null)]
    [InlineData("exit:137", 137, null, null)]
    public async Task A_dying_worker_fails_only_its_running_item_and_is_replaced(string death, int? exitCode, string? signal, string? stderr)
    {
        await using var pool = new ProcessPoolExecutor(1);
        var sink = await PoolHarness.BehaveAsync(pool, "ok:a", "ok:b", death, "ok:c", "ok:d");
        Assert.Equal(new[] { "a", "b" }, new[] { sink.Result(0), sink.Result(1) });
        Assert.Equal(new[] { "c", "d" }, new[] { sink.Result(3), sink.Result(4) });
        var crash = Assert.IsType<WorkerCrashedException>(sink.Error(2));
        Assert.NotEqual(Environment.ProcessId, crash.ProcessId);
        Assert.Equal(signal, crash.Signal);
        if (exitCode is not null)
        {
            Assert.Equal(exitCode, crash.ExitCode);
        }

        if (stderr is not null)
        {
            Assert.Contains(stderr, crash.StandardErrorTail);
        }

        var after = await PoolHarness.BehaveAsync(pool, "ok:alive");
        Assert.Equal("alive", after.Result(0));
        Assert.True(pool.WorkersStarted >= 2);
    }

    [Fact(Timeout = 120_000)]
    public async Task Crashed_items_are_retried_when_the_option_allows()
    {
        await using var pool = new ProcessPoolExecutor(new ProcessPoolOptions { Workers = 1, CrashRetries = 1 });
        var sink = await PoolHarness.BehaveAsync(pool, "exit:5", "ok:x");
        Assert.IsType<WorkerCrashedException>(sink.Error(0));
        Assert.Equal("x", sink.Result(1));
        Assert.True(pool.WorkersStarted >= 3, $"the item ran once blamed and once retried ({pool.WorkersStarted} workers started)");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_worker_dying_before_its_handshake_fails_the_pool_start_without_respawning()
    {
        var options = new ProcessPoolOptions { Workers = 2 };
        options.WorkerEnvironment[Processes.Protocol.FaultVariable] = "exit";
        await using var pool = new ProcessPoolExecutor(options);
        var start = await Assert.ThrowsAsync<WorkerCrashedException>(() => pool.StartAsync());
        Assert.Equal(7, start.ExitCode);
        Assert.Contains("before the handshake", start.StandardErrorTail);
        var sink = await PoolHarness.BehaveAsync(pool, "ok:1");
        Assert.IsType<WorkerCrashedException>(sink.Error(0));
        Assert.Equal(0, pool.WorkersStarted);
    }
}
