using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>The default map width follows the workers serving the queue: their announced slots, as they come and go.</summary>
[Collection("broker")]
public sealed class WidthTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [BrokerFact]
    public async Task The_default_width_is_the_slots_of_the_workers_serving_the_queue_as_they_come_and_go()
    {
        var options = vhost.Options();
        using var a = WorkerProcess.Start(options, 2, null);
        using var b = WorkerProcess.Start(options, 3, null);
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());

        // A caller that connects after the workers knows their slots from its census before its first map.
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        Assert.True(await EventuallyAsync(() => cluster.WorkerSlots == 5));
        Assert.Equal(5, cluster.MaxWorkers);
        var seen = $"2 workers (2 + 3 slots): {cluster.MaxWorkers}";

        // A worker that comes is counted when it starts serving.
        using (var c = WorkerProcess.Start(options, 1, null))
        {
            await c.WaitServingAsync();
            Assert.True(await EventuallyAsync(() => cluster.MaxWorkers == 6));
            seen += $"; a third (1 slot) started: {cluster.MaxWorkers}";

            // One that leaves gracefully says so.
            Assert.True(c.Stop(s_patience));
            Assert.True(await EventuallyAsync(() => cluster.MaxWorkers == 5));
            seen += $"; it stopped (SIGTERM): {cluster.MaxWorkers}";
        }

        // One that is killed stops counting after three of its announcement periods (its heartbeat: the host's default 5 s).
        var killed = Stopwatch.StartNew();
        a.Kill();
        Assert.True(await EventuallyAsync(() => cluster.MaxWorkers == 3));
        seen += $"; the first SIGKILLed: {cluster.MaxWorkers} after {killed.Elapsed.TotalSeconds:0.0} s";

        // A map still runs at the width it read when it started.
        Assert.Equal(new[] { 0, 1, 4, 9 }, ClusterWork.SquareMap([0, 1, 2, 3], new MapOptions { Executor = cluster }));

        // An explicit MaxWorkers wins.
        var fixedOptions = vhost.Options();
        fixedOptions.QueuePrefix = options.QueuePrefix;
        fixedOptions.MaxWorkers = 7;
        await using var fixedWidth = await RabbitMqExecutor.ConnectAsync(fixedOptions);
        Assert.Equal(7, fixedWidth.MaxWorkers);
        Assert.True(await EventuallyAsync(() => fixedWidth.WorkerSlots == 3));
        output.WriteLine(seen + $"; MaxWorkers = 7 set: {fixedWidth.MaxWorkers} (slots {fixedWidth.WorkerSlots})");
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + s_patience;
        while (!condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
