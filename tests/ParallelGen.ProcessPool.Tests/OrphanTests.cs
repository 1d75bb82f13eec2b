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
    public async Task Ctrl_C_stops_a_parents_workers_while_workers_ignore_it()
    {
        // The parent is a worker process with a pool of its own: SIGINT makes its pool kill its workers, and the
        // parent itself, being a worker, ignores SIGINT and lives on.
        await using var outer = new ProcessPoolExecutor(1);
        var sink = await PoolHarness.BehaveAsync(outer, "nested-pool:2");
        var grandchildren = sink.Result(0)!.Split(',').Select(int.Parse).ToArray();
        var parent = outer.WorkerProcessIds.Single();
        Assert.Equal(0, kill(parent, 2));
        Assert.True(
            await PoolHarness.EventuallyAsync(() => grandchildren.All(pid => !PoolHarness.IsAlive(pid)), TimeSpan.FromSeconds(10)),
            "Ctrl-C in a parent stops its workers");
        Assert.True(PoolHarness.IsAlive(parent), "a worker ignores SIGINT");
        var after = await PoolHarness.BehaveAsync(outer, "ok:still-serving");
        Assert.Equal("still-serving", after.Result(0));
    }

    [Fact(Timeout = 120_000)]
    public async Task Worker_output_is_forwarded_prefixed_with_its_pid()
    {
        var original = Console.Out;
        var captured = new System.IO.StringWriter();
        Console.SetOut(System.IO.TextWriter.Synchronized(captured));
        try
        {
            await using var pool = new ProcessPoolExecutor(1);
            await PoolHarness.BehaveAsync(pool, "print");
            var pid = pool.WorkerProcessIds.Single();
            Assert.True(
                await PoolHarness.EventuallyAsync(() => captured.ToString().Contains($"[worker {pid}] hello from the worker"), TimeSpan.FromSeconds(10)),
                captured.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

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
