// The ParallelGen side of bench/cluster/run:  dotnet ParallelGen.Cluster.Benchmarks.dll tiny|sleep10 COUNT CHUNK
// prints {"items": COUNT, "seconds": S} for one ordered map of COUNT items on the running cluster workers, through the
// generated wrapper (TinyMap / Sleep10Map). CHUNK 0 keeps the default options (the map engine sizes the batches,
// aiming at the executor's TargetBatchDuration); CHUNK > 0 sets MapOptions.ChunkSize. PG_BENCH_MAX_WORKERS sets
// RabbitMqOptions.MaxWorkers (unset or 0: the default, the slots the workers announce), for bench/cluster/width.
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ParallelGen;
using ParallelGen.Cluster.Benchmarks;
using ParallelGen.RabbitMQ;

var tiny = args[0] == "tiny";
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var chunk = int.Parse(args[2], CultureInfo.InvariantCulture);
var maxWorkers = int.Parse(Environment.GetEnvironmentVariable("PG_BENCH_MAX_WORKERS") ?? "0", CultureInfo.InvariantCulture);
await using var cluster = await RabbitMqExecutor.ConnectAsync(new RabbitMqOptions { QueuePrefix = Environment.GetEnvironmentVariable("PG_BENCH_PREFIX") ?? "pg-bench", MaxWorkers = maxWorkers });
var options = chunk > 0 ? new MapOptions { Executor = cluster, ChunkSize = chunk } : new MapOptions { Executor = cluster };
Map(Enumerable.Range(0, 20).ToArray());
var clock = Stopwatch.StartNew();
var results = Map(Enumerable.Range(0, count).ToArray());
var seconds = clock.Elapsed.TotalSeconds;
if (results.Where((r, i) => r != (tiny ? i * i : i * 2)).Any())
{
    throw new InvalidOperationException("wrong results");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"items\": {count}, \"seconds\": {seconds:0.####}, \"width\": {cluster.MaxWorkers}}}"));

int[] Map(int[] items) => tiny ? Methods.TinyMap(items, options) : Methods.Sleep10Map(items, options);
