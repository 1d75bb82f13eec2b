using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Conformance;

/// <summary>
/// The executor-conformance cases for futures that the process pool runs (tests/ParallelGen.ProcessPool.Tests,
/// Conformance/FutureConformanceTests and ControlConformanceTests), on the cluster: two workers of concurrency 1, the
/// same generated XSubmit, the same expectations. A future waits with the caller, pending, until a worker slot is free,
/// so TryCancel and ShutdownAsync(cancelPending: true) can still stop it, and a worker never runs a cancelled one.
/// </summary>
[Collection("broker")]
public sealed class FutureGateTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);

    [BrokerFact]
    public async Task TryCancel_succeeds_only_for_a_future_that_has_not_started_on_the_cluster()
    {
        var options = vhost.Options();
        using var a = WorkerProcess.Start(options, 1, null);
        using var b = WorkerProcess.Start(options, 1, null);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        using var stop = new CancellationTokenSource();

        // More long items than the workers have slots, so the last ones wait with the caller.
        var blockers = Enumerable.Range(0, 8).Select(_ => GateWork.LingerSubmit(60_000, cluster, stop.Token)).ToArray();
        try
        {
            var waiting = GateWork.SquareSubmit(5, cluster);
            Assert.True(await EventuallyAsync(() => blockers.Count(f => f.Status == FutureStatus.Running) == 2));

            Assert.Equal(FutureStatus.Running, blockers[0].Status);
            Assert.Equal(FutureStatus.Pending, waiting.Status);
            Assert.True(waiting.TryCancel());
            Assert.Equal(FutureStatus.Cancelled, waiting.Status);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Task.WaitAsync(s_patience));
            Assert.False(blockers[0].TryCancel());
            output.WriteLine($"8 futures on 2 slots: {string.Join(", ", blockers.Select(f => f.Status))}; the cancelled one never left the caller | {cluster.Statistics}");
        }
        finally
        {
            stop.Cancel();
        }

        foreach (var blocker in blockers)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocker.Task.WaitAsync(s_patience));
        }
    }

    [BrokerFact]
    public async Task A_future_cancelled_while_it_waits_never_runs_on_a_worker()
    {
        var directory = TempDirectory();
        var options = vhost.Options();
        using var a = WorkerProcess.Start(options, 1, null);
        using var b = WorkerProcess.Start(options, 1, null);
        var cluster = await RabbitMqExecutor.ConnectAsync(options);
        try
        {
            await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());

            // Both workers busy until released, so the next futures wait with the caller.
            var running = Enumerable.Range(0, 2).Select(i => GateWork.HoldUntilReleasedSubmit(directory, i, cluster)).ToArray();
            Assert.True(await EventuallyAsync(() => Started(directory).Length == 2));
            var waiting = Enumerable.Range(10, 4).Select(i => GateWork.HoldUntilReleasedSubmit(directory, i, cluster)).ToArray();

            Assert.All(waiting, f => Assert.Equal(FutureStatus.Pending, f.Status));
            Assert.All(waiting, f => Assert.True(f.TryCancel()));
            File.WriteAllText(Path.Combine(directory, "release"), "");

            Assert.Equal(new[] { 0, 1 }, await Task.WhenAll(running.Select(f => f.Task)).WaitAsync(s_patience));
            Assert.Equal(20, await GateWork.HoldUntilReleasedSubmit(directory, 20, cluster).Task.WaitAsync(s_patience));
            var published = cluster.Statistics.Published;
            await cluster.ShutdownAsync().WaitAsync(s_patience);

            // The workers' own marks: only the futures that started ran; the four cancelled ones never reached a worker.
            Assert.Equal(new[] { "started-0", "started-1", "started-20" }, Started(directory));
            Assert.All(waiting, f => Assert.Equal(FutureStatus.Cancelled, f.Status));
            Assert.Equal(3, published);
            output.WriteLine($"futures: 3 started and ran ({string.Join(", ", Started(directory))}), 4 cancelled while waiting and never published | {cluster.Statistics}");
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(s_patience);
            Directory.Delete(directory, recursive: true);
        }
    }

    [BrokerFact]
    public async Task Shutdown_with_cancelPending_cancels_futures_not_started_and_lets_running_ones_finish_on_the_cluster()
    {
        var directory = TempDirectory();
        var options = vhost.Options();
        using var a = WorkerProcess.Start(options, 1, null);
        using var b = WorkerProcess.Start(options, 1, null);
        var cluster = await RabbitMqExecutor.ConnectAsync(options);
        try
        {
            await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());

            // Held until released, so the running pair is still running when the shutdown comes, however loaded the machine.
            var running = Enumerable.Range(0, 2).Select(i => GateWork.HoldUntilReleasedSubmit(directory, i, cluster)).ToArray();
            Assert.True(await EventuallyAsync(() => Started(directory).Length == 2));
            var pending = Enumerable.Range(0, 6).Select(i => GateWork.SquareSubmit(i, cluster)).ToArray();

            var shutdown = cluster.ShutdownAsync(cancelPending: true);
            File.WriteAllText(Path.Combine(directory, "release"), "");
            await shutdown.WaitAsync(s_patience);

            Assert.Equal(new[] { 0, 1 }, running.Select(f => f.GetResult(TimeSpan.Zero)));
            Assert.All(pending, f => Assert.Equal(FutureStatus.Cancelled, f.Status));
            Assert.Equal(2, cluster.Statistics.Published);
            Assert.Throws<InvalidOperationException>(() => GateWork.SquareSubmit(1, cluster));
        }
        finally
        {
            await cluster.DisposeAsync().AsTask().WaitAsync(s_patience);
            Directory.Delete(directory, recursive: true);
        }
    }

    [BrokerFact]
    public async Task A_future_submitted_during_a_long_map_takes_the_next_free_slot_not_the_maps_end()
    {
        var options = vhost.Options();
        using var a = WorkerProcess.Start(options, 1, null);
        using var b = WorkerProcess.Start(options, 1, null);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        Assert.True(await EventuallyAsync(() => cluster.WorkerSlots == 2));

        // 400 map messages of one 20 ms item, 8 outstanding on 2 slots: the map always holds more than every slot.
        var items = Enumerable.Range(0, 400).Select(i => (i, 20)).ToArray();
        var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 1, outstanding: 8);
        Assert.True(await EventuallyAsync(() => cluster.Statistics.ResultsReceived >= 10));

        var future = GateWork.SquareSubmit(7, cluster);
        var square = await future.Task.WaitAsync(s_patience);
        var mapResultsByThen = cluster.Statistics.ResultsReceived;
        var (_, errors) = await map.WaitAsync(s_patience);

        output.WriteLine($"a future submitted after 10 of 400 map results finished after {mapResultsByThen} results");
        Assert.Equal(49, square);
        Assert.All(errors, e => Assert.Null(e));

        // It queued ahead of the map's later messages (first come, first served), not behind the whole map.
        Assert.True(mapResultsByThen < items.Length / 2, $"the future finished only after {mapResultsByThen} map results");
    }

    private static string[] Started(string directory) =>
        Directory.GetFiles(directory, "started-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    private static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "pg-gate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + s_patience;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }

        return condition();
    }
}
