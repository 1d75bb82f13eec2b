using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Issue 10, point 3: blocking work gets threads without changing the process's thread-pool settings.</summary>
public class BlockingThreadsTests
{
    [Fact]
    public void A_map_of_blocking_items_runs_them_all_at_once_and_leaves_the_thread_pool_minimum_unchanged()
    {
        ThreadPool.GetMinThreads(out var workersBefore, out var ioBefore);

        // More blocking items than the pool's minimum: each waits until all of them are running together, which
        // only holds if every item got a thread of its own (the pool would add one every ~0.5 s).
        var count = workersBefore + 4;
        using var allRunning = new CountdownEvent(count);
        var together = Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, count).ToArray(), Sync<int, bool>(_ =>
        {
            allRunning.Signal();
            return allRunning.Wait(Patience);
        }), new MapOptions { MaxDegreeOfParallelism = count }, default));

        ThreadPool.GetMinThreads(out var workersAfter, out var ioAfter);
        Assert.All(together, Assert.True);
        Assert.Equal(workersBefore, workersAfter);
        Assert.Equal(ioBefore, ioAfter);
    }

    [Fact]
    public async Task A_stream_of_blocking_items_runs_them_all_at_once_too()
    {
        // Streams run their workers as asynchronous work; a synchronous body still blocks the thread it runs on.
        ThreadPool.GetMinThreads(out var workers, out _);
        var count = workers + 4;
        using var allRunning = new CountdownEvent(count);
        var together = await GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, count).ToArray(), Sync<int, bool>(_ =>
        {
            allRunning.Signal();
            return allRunning.Wait(Patience);
        }), new MapOptions { MaxDegreeOfParallelism = count }, default).ToListBounded();

        Assert.Equal(count, together.Count);
        Assert.All(together, c => Assert.True(c.Result));
    }
}
