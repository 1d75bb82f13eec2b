using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>
/// A cluster worker process started the way users start one without a worker program: the package's worker host
/// run with this test assembly's runtimeconfig and deps files, serving this assembly's methods. Killed, frozen and
/// resumed by its own process id only.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(e.Data);
            }

            if (e.Data.Contains(" serving ", StringComparison.Ordinal))
            {
                _serving.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static WorkerProcess Start(RabbitMqOptions options, int concurrency, string? execLog, int processes = 1)
    {
        var dir = AppContext.BaseDirectory;
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "exec",
            "--runtimeconfig", Path.Combine(dir, "ParallelGen.RabbitMQ.Tests.runtimeconfig.json"),
            "--depsfile", Path.Combine(dir, "ParallelGen.RabbitMQ.Tests.deps.json"),
            Path.Combine(dir, "ParallelGen.RabbitMQ.dll"),
            "--app", Path.Combine(dir, "ParallelGen.RabbitMQ.Tests.dll"),
            "--uri", options.Uri!.ToString(),
            "--prefix", options.QueuePrefix,
            "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--delivery-limit", options.DeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--processes", processes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PG_TEST_EXECLOG"] = execLog ?? string.Empty;
        start.Environment["DOTNET_TieredPGO"] = "0";
        return new WorkerProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the worker consumes (bounded).</summary>
    public async Task WaitServingAsync()
    {
        var done = await Task.WhenAny(_serving.Task, Task.Delay(TimeSpan.FromSeconds(60))).ConfigureAwait(false);
        if (done != _serving.Task)
        {
            throw new TimeoutException("The worker did not start serving within 60 s. Its log:\n" + Log);
        }
    }

    public void Kill() => Signal(9);

    public void Freeze() => Signal(19);

    public void Resume() => Signal(18);

    /// <summary>Graceful stop (SIGTERM), then waits for the exit (bounded).</summary>
    public bool Stop(TimeSpan wait)
    {
        Signal(15);
        return _process.WaitForExit(wait);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Resume();
            Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (!_process.HasExited)
        {
            _ = kill(_process.Id, signal);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>The PG_TEST_EXECLOG files of a test (one per worker process, PATH.PID): one line per execution (value,
/// worker pid, start in unix ms).</summary>
internal sealed class ExecutionLog : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pg-exec-" + Guid.NewGuid().ToString("N") + ".log");

    public string[] Lines() => Files().SelectMany(f => File.ReadAllLines(f)).Where(l => l.Length > 0).ToArray();

    public void Dispose()
    {
        foreach (var file in Files())
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }
    }

    private string[] Files() => Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + ".*");
}
