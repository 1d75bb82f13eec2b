using System;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.RabbitMQ.Hosting;
using ParallelGen.RabbitMQ.Worker;

namespace ParallelGen.RabbitMQ;

/// <summary>
/// A cluster worker: serves every <c>[Parallelizable]</c> method of the application's assemblies to the
/// <see cref="RabbitMqExecutor"/>s of the same broker and <see cref="RabbitMqOptions.QueuePrefix"/>, like
/// <c>celery -A app worker</c>. Run it from the application (<c>await RabbitMqWorker.RunAsync(options, token)</c>), or
/// without writing any worker program through the host in this package:
/// <c>dotnet exec --runtimeconfig App.runtimeconfig.json --depsfile App.deps.json ParallelGen.RabbitMQ.dll --app App.dll</c>
/// (in the application's output folder; <c>--processes N</c> starts N worker processes).
/// </summary>
public static class RabbitMqWorker
{
    /// <summary>
    /// Connects, serves items until <paramref name="cancellationToken"/> fires, then shuts down gracefully: it takes
    /// no new item, lets running ones finish within <see cref="RabbitMqOptions.ShutdownTimeout"/>, and what is left
    /// goes back to the queue for another worker. Reconnects by itself when the broker goes away.
    /// </summary>
    /// <param name="options">The broker and the cluster's settings; <see cref="RabbitMqOptions.WorkerConcurrency"/>
    /// items run at once.</param>
    /// <param name="cancellationToken">Stops the worker gracefully.</param>
    /// <exception cref="global::RabbitMQ.Client.Exceptions.BrokerUnreachableException">No broker answered at start.</exception>
    public static async Task RunAsync(RabbitMqOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        AppAssemblies.RegisterAll();
        var worker = new ClusterWorker(options);
        await using (worker.ConfigureAwait(false))
        {
            await worker.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
