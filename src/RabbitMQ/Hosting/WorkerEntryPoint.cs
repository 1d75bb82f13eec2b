using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.RabbitMQ.Transport;

namespace ParallelGen.RabbitMQ.Hosting;

/// <summary>
/// The worker host in this package, for starting workers of an application without writing a worker program (as
/// <c>celery -A app worker</c> does). Run from the application's output folder:
/// <code>
/// dotnet exec --runtimeconfig App.runtimeconfig.json --depsfile App.deps.json ParallelGen.RabbitMQ.dll \
///     --app App.dll [--uri amqp://host/vhost] [--prefix parallelgen] [--concurrency 4] [--processes 3]
/// </code>
/// The application's <c>Main</c> never runs: its assemblies are loaded and their <c>[Parallelizable]</c> methods
/// registered. Credentials come from <c>PARALLELGEN_RABBITMQ_USER</c>/<c>_PASSWORD</c> (or the URI). SIGTERM or
/// Ctrl-C shuts down gracefully. <c>--processes N</c> starts N worker processes and stops them together.
/// </summary>
internal static class WorkerEntryPoint
{
    private const int SigTerm = 15;
    private const string ParentVariable = "PARALLELGEN_RABBITMQ_SUPERVISOR";

    private static async Task<int> Main(string[] args)
    {
        Log.Enabled = true;
        var options = new RabbitMqOptions();
        var apps = new List<string>();
        var processes = 1;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--app": apps.Add(Path.GetFullPath(Next())); break;
                case "--uri": options.Uri = new Uri(Next()); break;
                case "--prefix": options.QueuePrefix = Next(); break;
                case "--concurrency": options.WorkerConcurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--delivery-limit": options.DeliveryLimit = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--processes": processes = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: ParallelGen.RabbitMQ.dll --app App.dll [--uri amqp://host/vhost] [--prefix parallelgen] [--concurrency N] [--processes N] [--delivery-limit N]");
                    return 2;
            }
        }

        using var stop = new CancellationTokenSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        if (processes > 1)
        {
            return await SuperviseAsync(processes, stop.Token).ConfigureAwait(false);
        }

        foreach (var app in apps)
        {
            AppAssemblies.Load(app);
        }

        if (Environment.GetEnvironmentVariable(ParentVariable) is { } parent && int.TryParse(parent, CultureInfo.InvariantCulture, out var parentId))
        {
            // Started by --processes: leave (gracefully) when the supervising process is gone, even if it was killed.
            _ = WatchParentAsync(parentId, stop);
        }

        try
        {
            await RabbitMqWorker.RunAsync(options, stop.Token).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is global::RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException)
        {
            Console.Error.WriteLine($"The worker could not reach the broker at {options}: {e.Message}");
            return 3;
        }
    }

    /// <summary>Starts <paramref name="count"/> copies of this command line (without <c>--processes</c>), sends them
    /// SIGTERM when stopped, and waits for them.</summary>
    private static async Task<int> SuperviseAsync(int count, CancellationToken stop)
    {
        var commandLine = ReadOwnCommandLine();
        var children = new List<Process>();
        for (var n = 0; n < count; n++)
        {
            var start = new ProcessStartInfo(commandLine[0]) { UseShellExecute = false };
            start.Environment[ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            for (var i = 1; i < commandLine.Count; i++)
            {
                if (commandLine[i] == "--processes")
                {
                    i++;
                    continue;
                }

                start.ArgumentList.Add(commandLine[i]);
            }

            children.Add(Process.Start(start) ?? throw new InvalidOperationException("A worker process did not start."));
        }

        using var forward = stop.Register(() =>
        {
            foreach (var child in children)
            {
                if (!child.HasExited)
                {
                    _ = Kill(child.Id, SigTerm);
                }
            }
        });
        foreach (var child in children)
        {
            await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return 0;
    }

    private static List<string> ReadOwnCommandLine()
    {
        if (File.Exists("/proc/self/cmdline"))
        {
            var parts = File.ReadAllText("/proc/self/cmdline").Split('\0', StringSplitOptions.None);
            var list = new List<string>(parts);
            if (list.Count > 0 && list[^1].Length == 0)
            {
                list.RemoveAt(list.Count - 1);
            }

            return list;
        }

        throw new PlatformNotSupportedException("--processes needs /proc/self/cmdline; start the worker processes one by one instead.");
    }

    private static async Task WatchParentAsync(int parentId, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(500).ConfigureAwait(false);
            if (GetParentProcessId() != parentId)
            {
                Log.Write($"the supervising process {parentId} is gone: stopping");
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    [DllImport("libc", EntryPoint = "getppid")]
    private static extern int GetParentProcessId();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
