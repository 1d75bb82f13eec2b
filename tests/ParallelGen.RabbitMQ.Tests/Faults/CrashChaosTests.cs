using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>Workers SIGKILLed at random while they hold items: every item still gets exactly one outcome, in order.</summary>
[Collection("broker")]
public sealed class CrashChaosTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task Two_thousand_items_survive_a_random_worker_killed_and_restarted_every_two_seconds()
    {
        var options = vhost.Options();
        options.DeliveryLimit = 10;
        using var log = new ExecutionLog();
        var random = new Random(12);
        var workers = Enumerable.Range(0, 3).Select(_ => WorkerProcess.Start(options, 8, log.Path)).ToList();
        var deaths = new Dictionary<int, long>();
        try
        {
            await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
            await Task.WhenAll(workers.Select(w => w.WaitServingAsync()));
            var items = Enumerable.Range(0, 2000).Select(i => (i, 20 + random.Next(181))).ToArray();
            var wall = Stopwatch.StartNew();
            using var done = new CancellationTokenSource();
            var chaos = Task.Run(async () =>
            {
                var kills = new Random(34);
                while (!done.IsCancellationRequested)
                {
                    await Task.Delay(2000, done.Token).ConfigureAwait(false);
                    var victim = kills.Next(workers.Count);
                    var dead = workers[victim];
                    dead.Kill();
                    lock (deaths)
                    {
                        deaths[dead.Id] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    }

                    dead.Dispose();
                    workers[victim] = WorkerProcess.Start(options, 8, log.Path);
                }
            });

            var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 4, outstanding: 32);
            var (results, errors) = await map.WaitAsync(TimeSpan.FromSeconds(240));
            var outcome = await map;
            wall.Stop();
            await done.CancelAsync();
            await chaos.ContinueWith(_ => { }, TaskScheduler.Default);

            var executions = FaultReport.Parse(log.Lines());
            var failed = errors.Count(e => e is not null);
            var lost = outcome.Lost;
            Dictionary<int, long> faults;
            lock (deaths)
            {
                faults = new Dictionary<int, long>(deaths);
            }

            new FaultReport("crash chaos (SIGKILL every 2 s)", items.Length, items.Length - failed, failed, lost, outcome.Duplicates, executions.Count, FaultReport.AfterWorkerFaults(executions, faults), wall.Elapsed, $"kills {faults.Count}; {cluster.Statistics}").Publish(output);
            Assert.Equal(0, outcome.Duplicates);
            Assert.All(errors, e => Assert.Null(e));
            Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
            Assert.True(deaths.Count >= 2, "the chaos must have killed workers during the map");
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
