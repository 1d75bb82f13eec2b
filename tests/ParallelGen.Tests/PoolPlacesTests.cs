using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Scheduling;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>
/// Issue 14, a map beside another map: a blocking map that holds threads or wants to grow must not keep another map's
/// helper from starting. The executor's drains meant for the thread pool go to a stand-in that holds them (a pool
/// whose threads are all blocked: the real pool would add a thread only every ~0.5 s), and its places for blocking work
/// on the pool are the test's own, so nothing depends on timing or on the process's thread pool.
/// </summary>
public class PoolPlacesTests
{
    [Fact]
    public void A_helper_gets_a_drain_of_its_own_rather_than_queueing_behind_another_maps_worker_whose_drain_is_stuck_in_the_pool()
    {
        using var pool = new HeldPool();
        var executor = new ThreadPoolExecutor(pool.Queue, new PoolPlaces(1));
        using var release = new ManualResetEventSlim();

        // Map A (its caller not a pool thread): its items block until released (longer than B waits for its pair); A's helper takes the pool's
        // only place and is held there, unstarted, as behind blocked pool threads.
        var mapA = StartOnOwnThread(() => executor.Map(new[] { 0, 1 }, _ => release.Wait(Patience + Patience), new MapOptions { MaxDegreeOfParallelism = 2 }));
        pool.WaitForHeld(1);

        // Map B: its two items must run at the same time, so its helper must start while A's drain is still held.
        using var bothRunning = new CountdownEvent(2);
        var together = Bounded(() => executor.Map(new[] { 0, 1 }, _ =>
        {
            bothRunning.Signal();
            return bothRunning.Wait(Patience);
        }, new MapOptions { MaxDegreeOfParallelism = 2 }));

        release.Set();
        pool.RunHeld();
        Assert.True(mapA.Join(Patience));
        Assert.All(together, Assert.True);
    }

    [Fact]
    public async Task A_pool_thread_waiting_for_its_blocking_map_to_end_holds_a_place_so_another_maps_helper_goes_to_a_dedicated_thread()
    {
        using var pool = new HeldPool();
        var places = new PoolPlaces(1);
        var executor = new ThreadPoolExecutor(pool.Queue, places);
        using var release = new ManualResetEventSlim();
        using var secondStarted = new ManualResetEventSlim();
        using var firstReturned = new ManualResetEventSlim();

        // Map A, called from a thread-pool thread: item 0 (the caller's) returns once item 1 runs on A's helper, which
        // then blocks; A's caller only waits for the end of its map, still holding its pool thread.
        var mapA = Task.Run(() => executor.Map(new[] { 0, 1 }, item =>
        {
            if (item == 0)
            {
                var started = secondStarted.Wait(Patience);
                firstReturned.Set();
                return started;
            }

            secondStarted.Set();
            return release.Wait(Patience);
        }, new MapOptions { MaxDegreeOfParallelism = 2 }));
        Assert.True(firstReturned.Wait(Patience));
        Assert.Equal(1, places.Taken);

        // Map B, from a thread of its own: its helper must not go to the held pool, whose only place A's waiting caller holds.
        using var bothRunning = new CountdownEvent(2);
        bool[]? together = null;
        var mapB = StartOnOwnThread(() => together = executor.Map(new[] { 0, 1 }, _ =>
        {
            bothRunning.Signal();
            return bothRunning.Wait(Patience);
        }, new MapOptions { MaxDegreeOfParallelism = 2 }));
        Assert.True(mapB.Join(Patience + Patience));

        release.Set();
        Assert.All(await mapA.WaitAsync(Patience), Assert.True);
        pool.RunHeld();
        Assert.All(together!, Assert.True);
        Assert.Equal(0, places.Taken);
    }

    private static Thread StartOnOwnThread(Action call)
    {
        var thread = new Thread(() => call()) { IsBackground = true };
        thread.Start();
        return thread;
    }

    /// <summary>A stand-in for a thread pool whose threads are all blocked: it keeps what is queued until told to run it.</summary>
    private sealed class HeldPool : IDisposable
    {
        private readonly ConcurrentQueue<(Action<object?> Work, object? State)> _held = new();

        public void Queue(Action<object?> work, object? state) => _held.Enqueue((work, state));

        public void WaitForHeld(int count) => Assert.True(SpinWait.SpinUntil(() => _held.Count >= count, Patience));

        public void RunHeld()
        {
            while (_held.TryDequeue(out var held))
            {
                held.Work(held.State);
            }
        }

        public void Dispose() => RunHeld();
    }
}
