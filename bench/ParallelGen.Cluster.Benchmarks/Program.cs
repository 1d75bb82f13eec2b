// The ParallelGen side of bench/cluster/run:  dotnet ParallelGen.Cluster.Benchmarks.dll tiny|sleep10 COUNT CHUNK
// prints {"items": COUNT, "seconds": S} for one ordered map of COUNT items on the running cluster workers.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Cluster.Benchmarks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ;

var method = args[0] == "tiny" ? Methods.Tiny : Methods.Sleep10;
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var chunk = int.Parse(args[2], CultureInfo.InvariantCulture);
await using var cluster = await RabbitMqExecutor.ConnectAsync(new RabbitMqOptions { QueuePrefix = Environment.GetEnvironmentVariable("PG_BENCH_PREFIX") ?? "pg-bench" });
await MapAsync(cluster, method, Enumerable.Range(0, 20).ToArray(), chunk);
var clock = Stopwatch.StartNew();
var results = await MapAsync(cluster, method, Enumerable.Range(0, count).ToArray(), chunk);
var seconds = clock.Elapsed.TotalSeconds;
if (results.Where((r, i) => r != (method == Methods.Tiny ? i * i : i * 2)).Any())
{
    throw new InvalidOperationException("wrong results");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"items\": {count}, \"seconds\": {seconds:0.####}}}"));

// Chunks of CHUNK items, at most 2 x 16 outstanding: what the map engine does with remote executors.
static async Task<int[]> MapAsync(IBatchExecutor executor, RemoteMethod<int, int> method, int[] items, int chunk)
{
    var results = new int[items.Length];
    using var window = new SemaphoreSlim(32);
    var batches = new System.Collections.Generic.List<Task>();
    for (var start = 0; start < items.Length; start += chunk)
    {
        await window.WaitAsync();
        var first = start;
        var memory = items.AsMemory(start, Math.Min(chunk, items.Length - start));
        batches.Add(Task.Run(async () =>
        {
            try
            {
                await executor.RunBatchAsync(method, null, memory, new Sink(results, first), null, CancellationToken.None);
            }
            finally
            {
                window.Release();
            }
        }));
    }

    await Task.WhenAll(batches);
    return results;
}

internal sealed class Sink(int[] results, int first) : IBatchSink<int>
{
    public void OnResult(int index, int result) => results[first + index] = result;

    public void OnError(int index, Exception error) => throw new InvalidOperationException("an item failed", error);
}
