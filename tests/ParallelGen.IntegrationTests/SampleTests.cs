using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ParallelGen.Tests.Shared;

namespace ParallelGen.IntegrationTests;

/// <summary>Every sample builds and runs, and prints what the README says it prints.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task Quickstart_retells_the_python_tutorial_and_map_beats_one_by_one()
    {
        var project = Path.Combine(Repository.Root, "samples", "Quickstart", "Quickstart.csproj");
        var run = (await DotNetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(6), null, "run", "--project", project, "-c", "Release"))
            .AssertSuccess("dotnet run --project samples/Quickstart");

        Assert.Contains("[1, 4, 9]", run.Output, StringComparison.Ordinal);
        Assert.Contains("hello bob", run.Output, StringComparison.Ordinal);
        Assert.Contains("hi hi alice", run.Output, StringComparison.Ordinal);
        Assert.Contains("completion order: 200 ms (item 1) 400 ms (item 2) 600 ms (item 0)", run.Output, StringComparison.Ordinal);

        var sequential = Seconds(run.Output, "one by one");
        var parallel = Seconds(run.Output, "through Map");
        Assert.InRange(sequential, 7.9, 60); // four 2-second tasks, one after another
        Assert.InRange(parallel, 1.9, 60);
        Assert.True(parallel < sequential / 2, $"Map took {parallel} s against {sequential} s one by one:\n{run.Output}");
        Assert.Matches(new Regex(@"speed-up: \d+\.\d+x"), run.Output);

        // The tutorial's doubler on a process pool: each line names a worker process, never the parent.
        var parent = Regex.Match(run.Output, @"parent process id: (\d+)").Groups[1].Value;
        var doubled = Regex.Matches(run.Output, @"(\d+) doubled to (\d+) by process id: (\d+)");
        Assert.Equal(new[] { "5", "10", "15", "20", "25" }, doubled.Select(m => m.Groups[1].Value));
        Assert.All(doubled, m => Assert.NotEqual(parent, m.Groups[3].Value));
    }

    [Fact]
    public async Task ProcessPool_sample_survives_a_crashing_and_a_hanging_job_with_every_other_result()
    {
        var project = Path.Combine(Repository.Root, "samples", "ProcessPool", "ProcessPool.csproj");
        var run = (await DotNetCli.RunAsync(Repository.Root, TimeSpan.FromMinutes(6), null, "run", "--project", project, "-c", "Release"))
            .AssertSuccess("dotnet run --project samples/ProcessPool");

        Assert.Matches(new Regex(@"job 3: its worker crashed \(process \d+, SIGKILL\); the pool replaced it"), run.Output);
        Assert.Contains("job 5: timed out after 2 s; its worker was killed and replaced", run.Output, StringComparison.Ordinal);
        foreach (var job in new[] { 0, 1, 2, 4, 6, 7, 8, 9 })
        {
            Assert.Contains($"job {job}: {job} squared is {job * job} (process ", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("8 of 10 jobs succeeded", run.Output, StringComparison.Ordinal);
        Assert.Contains("the pool lives on: 6 squared is 36", run.Output, StringComparison.Ordinal);
    }

    private static double Seconds(string output, string label)
    {
        var match = Regex.Match(output, Regex.Escape(label) + @":\s+(\d+\.\d+) s");
        Assert.True(match.Success, $"'{label}: N.NN s' not printed:\n{output}");
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
