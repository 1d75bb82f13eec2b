using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>The broker restarted mid-map, a map cancelled mid-way, a caller gone: nothing lost, nothing orphaned.</summary>
[Collection("broker")]
public sealed class BrokerFaultTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task A_broker_restart_mid_map_loses_no_item()
    {
        if (vhost.Name is null)
        {
            output.WriteLine("rabbitmqctl is not usable here: the broker cannot be restarted by the test, so it only maps.");
        }

        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var a = WorkerProcess.Start(options, 2, log.Path);
        using var b = WorkerProcess.Start(options, 2, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        var items = Enumerable.Range(0, 40).Select(i => (i, 500)).ToArray();
        var wall = Stopwatch.StartNew();
        var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 2, outstanding: 20);
        await Task.Delay(2000);
        var down = Stopwatch.StartNew();
        string how;
        if (Broker.OwnedScript() is { } script)
        {
            // This test run started the broker (.ci/run says so): a real restart of the whole node, by its pid file.
            Assert.True(Broker.RunScript(script, "stop"), "the broker stops");
            await Task.Delay(2000);
            Assert.True(Broker.RunScript(script, "start"), "the broker starts again");
            how = "the broker node stopped and started again (.ci/rabbitmq.sh stop/start)";
        }
        else if (vhost.Name is not null)
        {
            // Someone else's broker is not stopped: its rabbit application restarts inside the running node instead
            // (every connection dropped, the queues recovered from disk), which other users of it survive.
            Assert.NotNull(Broker.Ctl("stop_app"));
            await Task.Delay(3000);
            Assert.NotNull(Broker.Ctl("start_app"));
            how = "the rabbit application restarted inside its node (stop_app/start_app): the node itself was not stopped because this test run did not start the broker (" + Broker.OwnsBrokerVariable + " is not 1)";
        }
        else
        {
            how = "no restart: rabbitmqctl is not usable here";
        }

        down.Stop();
        var upAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        output.WriteLine(how);
        var outcome = await map.WaitAsync(TimeSpan.FromSeconds(180));
        var (results, errors) = outcome;
        wall.Stop();
        var executions = FaultReport.Parse(log.Lines());
        var failed = errors.Count(e => e is not null);
        new FaultReport("broker restart mid-map", items.Length, items.Length - failed, failed, outcome.Lost, outcome.Duplicates, executions.Count, FaultReport.AfterFault(executions, upAt), wall.Elapsed, $"broker down {down.Elapsed.TotalSeconds:0.0} s (delay counted from the broker back up to the next start of each item that had started before and ran again); {cluster.Statistics}").Publish(output);
        Assert.Equal(0, outcome.Duplicates);
        Assert.All(errors, e => Assert.Null(e));
        Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
        Assert.False(a.HasExited || b.HasExited, "workers reconnect by themselves");
    }

    [BrokerFact]
    public async Task Cancelling_mid_map_fails_the_rest_at_once_and_workers_stop_running_its_items()
    {
        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var worker = WorkerProcess.Start(options, 4, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();
        var items = Enumerable.Range(0, 400).Select(i => (i, 200)).ToArray();
        using var cancel = new CancellationTokenSource();
        var wall = Stopwatch.StartNew();
        var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 10, outstanding: 20, cancellationToken: cancel.Token);
        await Task.Delay(1500);
        await cancel.CancelAsync();
        var cancelledAt = wall.Elapsed;
        var outcome = await map.WaitAsync(TimeSpan.FromSeconds(30));
        var (results, errors) = outcome;
        var returnedAfter = wall.Elapsed - cancelledAt;
        await Task.Delay(1500);
        var settled = log.Lines().Length;
        await Task.Delay(2000);
        var later = log.Lines().Length;

        var cancelled = errors.Count(e => e is OperationCanceledException);
        var completed = results.Count(r => r != 0) + (errors[0] is null ? 1 : 0);
        var neverSent = items.Length - completed - cancelled;
        new FaultReport("cancellation mid-map", items.Length, completed, cancelled, outcome.Lost - neverSent, outcome.Duplicates, later, Redelivery.Na("a cancelled item is failed by the caller and dropped by workers, never redelivered"), wall.Elapsed, $"never sent {neverSent} (the source was not read further); map returned {returnedAfter.TotalMilliseconds:0} ms after the cancel; {cluster.Statistics}").Publish(output);
        Assert.Equal(0, outcome.Duplicates);
        Assert.All(errors, e => Assert.True(e is null or OperationCanceledException));
        Assert.True(cancelled > 0);
        Assert.True(returnedAfter < TimeSpan.FromSeconds(10));
        Assert.Equal(settled, later);
        Assert.True(later < items.Length / 2, $"only the items started before the cancel ran ({later} executions)");
        await AssertWorkQueueDrainsAsync(options);
    }

    [BrokerFact]
    public async Task A_caller_process_killed_with_SIGKILL_leaves_no_queue_and_its_worker_stops_starting_its_items()
    {
        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var worker = WorkerProcess.Start(options, 1, log.Path);
        await worker.WaitServingAsync();

        // A real caller process (400 items of 100 ms in two messages of 200: the worker, of concurrency 1, holds the
        // first for 20 s, far past the reply queue's 5 s expiry), SIGKILLed by its pid mid-map.
        using var caller = CallerProcess.Start(options);
        var replyQueue = await caller.WaitConnectedAsync();
        var running = Stopwatch.StartNew();
        while (log.Lines().Length < 4 && running.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        Assert.True(log.Lines().Length >= 4, "the worker runs the caller's items before the caller is killed");
        Assert.True(caller.Kill(), "the caller process exits on SIGKILL");
        var wall = Stopwatch.StartNew();

        // The reply queue expires (ReplyQueueExpiry = 5 s).
        var factory = new ConnectionFactory { Uri = vhost.Uri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var probe = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var gone = false;
        while (!gone && wall.Elapsed < TimeSpan.FromSeconds(60))
        {
            // A mandatory publish probes without renewing the queue's lease (a passive declare would renew it).
            try
            {
                await probe.BasicPublishAsync(string.Empty, replyQueue, true, new BasicProperties(), ReadOnlyMemory<byte>.Empty);
                await Task.Delay(500);
            }
            catch (global::RabbitMQ.Client.Exceptions.PublishException e) when (e.IsReturn)
            {
                gone = true;
            }
        }

        var queueGoneAfter = wall.Elapsed;

        // The worker learns it (it probes the reply queue before each item, at most once a second, while it runs a
        // message of that caller) and stops starting the caller's items: the message it holds is cut short.
        var learnt = Stopwatch.StartNew();
        while (!worker.Log.Contains("stops starting its items", StringComparison.Ordinal) && learnt.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        var learntAfter = wall.Elapsed;
        var atLearnt = log.Lines().Length;
        await AssertWorkQueueDrainsAsync(options);

        // Then nothing orphaned runs: the count settles and stays.
        var executions = atLearnt;
        var stable = Stopwatch.StartNew();
        while (stable.Elapsed < TimeSpan.FromSeconds(3) && wall.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(250);
            var now = log.Lines().Length;
            if (now != executions)
            {
                executions = now;
                stable.Restart();
            }
        }

        await Task.Delay(2000);
        new FaultReport("caller killed (SIGKILL)", CallerProgram.Items, 0, 0, 0, 0, executions, Redelivery.Na("nothing is redelivered: the caller is gone and its items are dropped unrun"), wall.Elapsed,
            $"results 0: the caller is gone; reply queue gone {queueGoneAfter.TotalSeconds:0.0} s after the kill, the worker stopped starting its items {learntAfter.TotalSeconds:0.0} s after; {executions - atLearnt} executions after that").Publish(output);
        Assert.True(gone, "the dead caller's reply queue expired");
        Assert.Contains("stops starting its items", worker.Log, StringComparison.Ordinal);
        Assert.Equal(executions, log.Lines().Length);

        // At most the item that was already starting on the worker's one slot when it learnt the caller was gone.
        Assert.InRange(executions - atLearnt, 0, 1);
        Assert.True(executions < CallerProgram.Chunk, $"the held message was cut short and the queued one never ran ({executions} executions)");
        Assert.False(worker.HasExited);
    }

    private async Task AssertWorkQueueDrainsAsync(RabbitMqOptions options)
    {
        var factory = new ConnectionFactory { Uri = vhost.Uri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        uint left;
        do
        {
            left = (await channel.QueueDeclarePassiveAsync(options.QueuePrefix + ".work")).MessageCount;
            if (left > 0)
            {
                await Task.Delay(250);
            }
        }
        while (left > 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0u, left);
    }
}
