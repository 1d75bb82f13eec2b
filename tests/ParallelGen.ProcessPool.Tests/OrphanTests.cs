using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class OrphanTests
{
    [Fact(Timeout = 120_000)]
    public async Task Workers_exit_when_their_parent_is_killed_with_SIGKILL()
    {
        // The parent under test is itself a worker process: it creates a pool of 2 and reports their pids.
        await using var outer = new ProcessPoolExecutor(1);
        var sink = await PoolHarness.BehaveAsync(outer, "nested-pool:2");
        var grandchildren = sink.Result(0)!.Split(',').Select(int.Parse).ToArray();
        Assert.Equal(2, grandchildren.Length);
        Assert.All(grandchildren, pid => Assert.True(PoolHarness.IsAlive(pid)));

        var parent = outer.WorkerProcessIds.Single();
        Process.GetProcessById(parent).Kill();
        Assert.True(
            await PoolHarness.EventuallyAsync(() => grandchildren.All(pid => !PoolHarness.IsAlive(pid)), TimeSpan.FromSeconds(10)),
            "the workers of a SIGKILLed parent must exit");
    }

    [Fact(Timeout = 120_000)]
    public async Task Dispose_stops_every_worker()
    {
        int[] pids;
        await using (var pool = new ProcessPoolExecutor(2))
        {
            await pool.StartAsync();
            pids = pool.WorkerProcessIds.ToArray();
        }

        Assert.All(pids, pid => Assert.False(PoolHarness.IsAlive(pid)));
    }
}
