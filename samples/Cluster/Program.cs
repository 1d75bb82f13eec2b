// The same generated wrapper, run on worker processes of other machines through RabbitMQ.
//
//   sudo .ci/rabbitmq.sh start                                          # a broker on 127.0.0.1 (or use your own)
//   dotnet build samples/Cluster
//   cd samples/Cluster/bin/Debug/net10.0
//   dotnet exec --runtimeconfig Cluster.runtimeconfig.json --depsfile Cluster.deps.json \
//       ParallelGen.RabbitMQ.dll --app Cluster.dll --processes 2 &      # two workers, no worker program needed
//   dotnet Cluster.dll                                                  # the client
//   kill %1                                                             # SIGTERM: the workers finish and leave
//
// Or a worker from the app itself: `dotnet Cluster.dll worker`. PARALLELGEN_RABBITMQ_URI (amqp://user:pass@host/vhost)
// points both sides at another broker.
using System;
using System.Linq;
using System.Threading;
using Cluster;
using ParallelGen;
using ParallelGen.RabbitMQ;

var options = new RabbitMqOptions(); // amqp://localhost, or PARALLELGEN_RABBITMQ_URI; queues parallelgen.*
if (args is ["worker", ..])
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    Console.WriteLine($"worker {Environment.ProcessId} serving; Ctrl-C to stop");
    await RabbitMqWorker.RunAsync(options, stop.Token);
    return;
}

await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
var work = Enumerable.Range(1, 20).Select(i => ($"photo{i}.jpg", 128));
string[] thumbnails = Thumbnails.RenderMap(work, new MapOptions { Executor = cluster });
foreach (var line in thumbnails)
{
    Console.WriteLine(line);
}

Console.WriteLine(cluster.Statistics);
