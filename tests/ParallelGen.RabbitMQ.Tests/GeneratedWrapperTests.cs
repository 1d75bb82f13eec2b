using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>The generated wrappers, unchanged, on cluster workers: only MapOptions.Executor (or executor:) differs.</summary>
[Collection("broker")]
public sealed class GeneratedWrapperTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task XMap_XMapAsync_XAsCompleted_and_XSubmit_run_on_cluster_workers()
    {
        var options = vhost.Options();
        using var a = WorkerProcess.Start(options, 2, null);
        using var b = WorkerProcess.Start(options, 2, null);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());
        var map = new MapOptions { Executor = cluster };

        int[] squares = ClusterWork.SquareMap(Enumerable.Range(0, 1000), map);
        Assert.Equal(Enumerable.Range(0, 1000).Select(x => x * x), squares);

        int[] again = await ClusterWork.SquareMapAsync(Enumerable.Range(0, 100), map);
        Assert.Equal(Enumerable.Range(0, 100).Select(x => x * x), again);

        var greetings = new List<string>();
        await foreach (var done in ClusterWork.GreetAsCompleted(new[] { ("ann", 300), ("bob", 10), ("cy", 100) }, map))
        {
            greetings.Add(done.Result);
        }

        Assert.Equal(3, greetings.Count);
        Assert.All(greetings, g => Assert.DoesNotContain($"from {Environment.ProcessId}", g, StringComparison.Ordinal));

        // How the engine's batches meet the per-message costs: default options (batches aimed at the executor's
        // TargetBatchDuration), and ChunkSize = 256. Printed, not asserted: batch sizes follow measured time.
        var published = cluster.Statistics.Published;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(Enumerable.Range(0, 5000).Select(x => x * x), ClusterWork.SquareMap(Enumerable.Range(0, 5000), map));
        var byDefault = clock.Elapsed;
        var messages = cluster.Statistics.Published - published;
        clock.Restart();
        ClusterWork.SquareMap(Enumerable.Range(0, 5000), new MapOptions { Executor = cluster, ChunkSize = 256 });
        output.WriteLine($"SquareMap of 5,000 tiny items: {5000 / byDefault.TotalSeconds:0}/s with default options ({messages} messages), {5000 / clock.Elapsed.TotalSeconds:0}/s with ChunkSize = 256");

        var future = ClusterWork.SquareSubmit(12, executor: cluster);
        Assert.Equal(144, await future.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        output.WriteLine($"generated wrappers on the cluster: {string.Join(" | ", greetings)} | {cluster.Statistics}");
    }

    [BrokerFact]
    public async Task A_workers_exception_reaches_XMap_as_its_own_type_and_Collect_keeps_the_other_results()
    {
        var options = vhost.Options();
        using var worker = WorkerProcess.Start(options, 2, null);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ClusterWork.CheckedMap([1, 2, -3, 4], new MapOptions { Executor = cluster }));
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);

        var collected = new List<Completed<int, int>>();
        await foreach (var done in ClusterWork.CheckedAsCompleted([1, -2, 3], new MapOptions { Executor = cluster, ErrorMode = ErrorMode.Collect }))
        {
            collected.Add(done);
        }

        Assert.Equal(2, collected.Count(c => c.Succeeded));
        Assert.IsType<ArgumentOutOfRangeException>(Assert.Single(collected, c => !c.Succeeded).Exception);
    }
}
