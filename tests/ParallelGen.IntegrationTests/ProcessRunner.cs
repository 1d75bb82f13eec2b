using System;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace ParallelGen.IntegrationTests;

/// <summary>Runs a built program (an apphost) with a time limit and captures what it prints; killed by its own id on timeout.</summary>
internal static class ProcessRunner
{
    public static async Task<DotNetCli.Result> RunAsync(string executable, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (gate) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish within {timeout}:\n{output}");
        }

        await exited;
        lock (gate)
        {
            return new DotNetCli.Result(process.ExitCode, output.ToString());
        }
    }
}
