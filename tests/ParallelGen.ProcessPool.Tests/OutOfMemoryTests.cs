using System;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests;

/// <summary>
/// Issue 11, point 7, out of memory: a worker capped at 64 MB of GC heap (DOTNET_GCHeapHardLimit) and an item that
/// allocates past it. The runtime throws a managed <see cref="OutOfMemoryException"/> in the worker, which crosses as
/// the item's own exception; the worker finishes its batch and is replaced. (An OS-level kill, e.g. the kernel's OOM
/// killer, is the SIGKILL row of <see cref="CrashTests"/>.)
/// </summary>
[Collection("process pool")]
public sealed class OutOfMemoryTests
{
    private const string HeapLimit = "0x4000000"; // 64 MB

    [Theory(Timeout = 120_000)]
    [InlineData("hoard:1024")] // many 1 MB arrays, each touched
    [InlineData("allocate:512")] // one 512 MB array
    public async Task An_item_past_the_memory_limit_fails_alone_with_OutOfMemoryException_and_its_worker_is_replaced(string command)
    {
        var options = new ProcessPoolOptions { Workers = 1 };
        options.WorkerEnvironment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        await using var pool = new ProcessPoolExecutor(options);

        var sink = await PoolHarness.BehaveAsync(pool, "ok:a", command, "ok:c", "pid");

        Assert.Equal("a", sink.Result(0));
        Assert.IsType<OutOfMemoryException>(sink.Error(1));
        Assert.Equal("c", sink.Result(2));
        var before = sink.Result(3);
        var after = await PoolHarness.BehaveAsync(pool, "pid");
        Assert.NotEqual(before, after.Result(0));
        Assert.Equal(2, pool.WorkersStarted);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_worker_under_the_memory_limit_is_kept()
    {
        var options = new ProcessPoolOptions { Workers = 1 };
        options.WorkerEnvironment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        await using var pool = new ProcessPoolExecutor(options);

        var first = await PoolHarness.BehaveAsync(pool, "hoard:8", "pid");
        var second = await PoolHarness.BehaveAsync(pool, "pid");

        Assert.Equal("hoarded 8 MB", first.Result(0));
        Assert.Equal(first.Result(1), second.Result(0));
        Assert.Equal(1, pool.WorkersStarted);
    }
}
