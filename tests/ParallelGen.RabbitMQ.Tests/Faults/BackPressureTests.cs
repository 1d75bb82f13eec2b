using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>A lazy source of a million items: the work queue's depth and the caller's memory stay bounded, and the source is read only as far as the work.</summary>
[Collection("broker")]
public sealed class BackPressureTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task A_million_lazy_items_keep_the_queue_depth_and_the_callers_memory_bounded()
    {
        var options = vhost.Options();
        options.MaxItemsInFlight = 2000;
        using var worker = WorkerProcess.Start(options, 8, null);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();

        long pulled = 0;
        long finished = 0;
        long failed = 0;
        var duplicates = 0;
        var outcomes = new byte[1_000_000];
        IEnumerable<(int, int)> Source()
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                Interlocked.Increment(ref pulled);
                yield return (i, 0);
            }
        }

        using var stop = new CancellationTokenSource();
        const int Chunk = 100;
        const int Outstanding = 16;
        var wall = Stopwatch.StartNew();
        var map = BatchDriver.RunAsync(cluster, TestMethods.Sleep, Source(), (index, _, error) =>
        {
            if (Interlocked.Exchange(ref outcomes[index], 1) != 0)
            {
                Interlocked.Increment(ref duplicates);
                return;
            }

            if (error is null)
            {
                Interlocked.Increment(ref finished);
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        }, Chunk, Outstanding, null, stop.Token);

        var factory = new ConnectionFactory { Uri = vhost.Uri };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        uint deepest = 0;
        long widest = 0;
        long heaviest = 0;
        while (wall.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(250);
            deepest = Math.Max(deepest, (await channel.QueueDeclarePassiveAsync(options.QueuePrefix + ".work")).MessageCount);
            widest = Math.Max(widest, Interlocked.Read(ref pulled) - Interlocked.Read(ref finished));
            heaviest = Math.Max(heaviest, GC.GetTotalMemory(false));
        }

        var done = Interlocked.Read(ref finished);
        var rate = done / wall.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await map.WaitAsync(TimeSpan.FromSeconds(60));
        wall.Stop();
        var read = (int)Interlocked.Read(ref pulled);
        var ended = (int)(Interlocked.Read(ref finished) + Interlocked.Read(ref failed));
        new FaultReport("back-pressure (1,000,000 lazy items, stopped after 5 s)", read, (int)Interlocked.Read(ref finished), (int)Interlocked.Read(ref failed), read - ended, duplicates, (int)cluster.Statistics.ResultsReceived, Redelivery.Na("no fault injected"), wall.Elapsed,
            $"items = read from the source; failed = cancelled when the test stopped the map; executions = results received (not logged); {done} finished within the 5 s watch ({rate:0}/s on one worker of concurrency 8), deepest work queue {deepest} (limit {options.MaxItemsInFlight}), most items read and not finished {widest}, managed heap at most {heaviest / (1 << 20)} MiB; {cluster.Statistics}").Publish(output);
        Assert.Equal(0, duplicates);
        Assert.Equal(read, ended);
        Assert.True(done > 1000, "the map made progress");
        Assert.InRange(deepest, 0u, (uint)options.MaxItemsInFlight);
        Assert.InRange(widest, 0, options.MaxItemsInFlight + (Chunk * Outstanding) + Chunk);
        Assert.True(Interlocked.Read(ref pulled) - Interlocked.Read(ref finished) <= options.MaxItemsInFlight + (Chunk * Outstanding) + Chunk, "the source was read only as far as the work (a fast machine may finish all million within the watch)");
    }
}
