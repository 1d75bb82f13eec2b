using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>A frozen worker and a poison item: both end with every item accounted for.</summary>
[Collection("broker")]
public sealed class WorkerFaultTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task A_frozen_worker_loses_its_item_to_another_worker_and_sends_no_late_result()
    {
        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var frozen = WorkerProcess.Start(options, 1, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await frozen.WaitServingAsync();
        var items = Enumerable.Range(0, 20).Select(i => (i, 400)).ToArray();
        var wall = Stopwatch.StartNew();
        var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 1, outstanding: 20);

        // Freeze the only worker while it holds an item, then start a healthy one.
        while (log.Lines().Length == 0)
        {
            await Task.Delay(20);
        }

        frozen.Freeze();
        var frozenAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var healthy = WorkerProcess.Start(options, 1, log.Path);
        var outcome = await map.WaitAsync(TimeSpan.FromSeconds(120));
        var (results, errors) = outcome;
        wall.Stop();
        frozen.Resume();
        await Task.Delay(3000);

        var executions = FaultReport.Parse(log.Lines());
        var delay = FaultReport.AfterWorkerFaults(executions, new Dictionary<int, long> { [frozen.Id] = frozenAt });
        var failed = errors.Count(e => e is not null);
        new FaultReport("frozen worker (SIGSTOP)", items.Length, items.Length - failed, failed, outcome.Lost, outcome.Duplicates, executions.Count, delay, wall.Elapsed, $"heartbeat {options.Heartbeat.TotalSeconds:0} s; no late result after the resume; {cluster.Statistics}").Publish(output);
        Assert.Equal(0, outcome.Duplicates);
        Assert.All(errors, e => Assert.Null(e));
        Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
        Assert.Contains(executions, e => e.Pid == healthy.Id);
    }

    // Workers of concurrency 1: an item that runs beside the poison on the same worker dies with it and loses a
    // delivery too, so at a higher concurrency a low delivery limit can also fail that neighbour.
    [BrokerFact]
    public async Task A_poison_item_fails_alone_with_WorkerCrashedException_after_the_delivery_limit_and_stays_in_the_dead_letter_queue()
    {
        var options = vhost.Options();
        options.DeliveryLimit = 2;
        using var log = new ExecutionLog();
        var workers = new List<WorkerProcess> { WorkerProcess.Start(options, 1, log.Path), WorkerProcess.Start(options, 1, log.Path) };
        var pids = workers.Select(w => w.Id).ToHashSet();
        try
        {
            await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
            await Task.WhenAll(workers.Select(w => w.WaitServingAsync()));
            var wall = Stopwatch.StartNew();
            var map = BatchDriver.MapAsync(cluster, TestMethods.Poisoned, Enumerable.Range(0, 30).ToArray(), chunk: 2, outstanding: 8);

            // Replace every worker the poison kills, as a supervisor (systemd, Kubernetes, --processes) would.
            while (!map.IsCompleted && wall.Elapsed < TimeSpan.FromSeconds(120))
            {
                for (var i = 0; i < workers.Count; i++)
                {
                    if (workers[i].HasExited)
                    {
                        workers[i].Dispose();
                        workers[i] = WorkerProcess.Start(options, 1, log.Path);
                        pids.Add(workers[i].Id);
                    }
                }

                await Task.Delay(100);
            }

            var outcome = await map.WaitAsync(TimeSpan.FromSeconds(10));
            var (results, errors) = outcome;
            wall.Stop();
            var executions = FaultReport.Parse(log.Lines());
            var crashed = Assert.IsType<WorkerCrashedException>(errors[13]);

            // The poison kills its worker as it starts: each of its runs is a worker's death.
            var deaths = executions.Where(e => e.Value == 13).GroupBy(e => e.Pid).ToDictionary(g => g.Key, g => g.Min(e => e.At));
            new FaultReport("poison item", 30, 29, 1, outcome.Lost, outcome.Duplicates, executions.Count, FaultReport.AfterWorkerFaults(executions, deaths), wall.Elapsed, $"item 13 failed alone with WorkerCrashedException after {options.DeliveryLimit} deliveries; {cluster.Statistics}").Publish(output);
            Assert.Equal(0, outcome.Duplicates);
            output.WriteLine($"item 13 ran {executions.Count(e => e.Value == 13)} times; {crashed.Message}");
            Assert.Equal(Enumerable.Range(0, 30).Where(i => i != 13), Enumerable.Range(0, 30).Where(i => i != 13).Select(i => results[i]));
            Assert.All(errors.Where((_, i) => i != 13), e => Assert.Null(e));

            // The worker that held the item last (it reported starting the redelivery) is named, and it is one of ours.
            Assert.Contains(crashed.ProcessId, pids);
            Assert.Contains($"process {crashed.ProcessId} on {Environment.MachineName}", crashed.Message, StringComparison.Ordinal);

            var factory = new ConnectionFactory { Uri = vhost.Uri };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var dead = await channel.QueueDeclarePassiveAsync(options.QueuePrefix + ".dead");
            // At-least-once dead-lettering may file the item twice; the caller takes the first, as with results.
            output.WriteLine($"dead-letter queue: {dead.MessageCount} message(s)");
            Assert.InRange(dead.MessageCount, 1u, 2u);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }
}
