using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>
/// A caller in a process of its own, killed by its process id (SIGKILL) mid-map by a fault test: this test assembly run
/// with <c>caller URI PREFIX</c> (see <see cref="CallerProgram"/>). It prints its reply queue's name, then maps
/// <see cref="CallerProgram.Items"/> items of 100 ms in messages of <see cref="CallerProgram.Chunk"/> on the cluster until it is killed.
/// </summary>
internal sealed class CallerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _replyQueue = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CallerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith(CallerProgram.ReplyQueueLine, StringComparison.Ordinal))
            {
                _replyQueue.TrySetResult(line[CallerProgram.ReplyQueueLine.Length..]);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public static CallerProcess Start(RabbitMqOptions options)
    {
        var dir = AppContext.BaseDirectory;
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(dotnet) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(dir, "ParallelGen.RabbitMQ.Tests.runtimeconfig.json"),
            "--depsfile", Path.Combine(dir, "ParallelGen.RabbitMQ.Tests.deps.json"),
            Path.Combine(dir, "ParallelGen.RabbitMQ.Tests.dll"),
            "caller", options.Uri!.ToString(), options.QueuePrefix,
        })
        {
            start.ArgumentList.Add(argument);
        }

        return new CallerProcess(Process.Start(start)!);
    }

    /// <summary>The caller's reply queue, once it has connected (bounded).</summary>
    public async Task<string> WaitConnectedAsync()
    {
        var done = await Task.WhenAny(_replyQueue.Task, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false);
        return done == _replyQueue.Task ? await _replyQueue.Task.ConfigureAwait(false)
            : throw new TimeoutException($"The caller process did not connect within 60 s (exited: {_process.HasExited}).");
    }

    /// <summary>SIGKILL by its process id; true once it has exited (bounded).</summary>
    public bool Kill()
    {
        if (!_process.HasExited)
        {
            _ = kill(_process.Id, 9);
        }

        return _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>This test assembly's entry point, used only when a fault test starts it as a caller process.</summary>
internal static class CallerProgram
{
    public const string ReplyQueueLine = "reply-queue ";

    /// <summary>Items the caller maps (100 ms each).</summary>
    public const int Items = 400;

    /// <summary>Items per message: a message lasts 20 s on one worker slot, far past the reply queue's expiry (5 s).</summary>
    public const int Chunk = 200;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "caller")
        {
            Console.Error.WriteLine("usage: caller URI PREFIX (started by the cluster fault tests)");
            return 2;
        }

        var options = new RabbitMqOptions
        {
            Uri = new Uri(args[1]),
            QueuePrefix = args[2],
            Heartbeat = TimeSpan.FromSeconds(2),
            WatchdogTimeout = TimeSpan.FromSeconds(10),
            ReplyQueueExpiry = TimeSpan.FromSeconds(5),
        };
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options).ConfigureAwait(false);
        Console.WriteLine(ReplyQueueLine + cluster.ReplyQueue);
        var items = Enumerable.Range(0, Items).Select(i => (i, 100)).ToArray();
        await BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: Chunk, outstanding: 2).ConfigureAwait(false);
        Console.WriteLine("finished (the test should have killed this caller before)");
        return 0;
    }
}
