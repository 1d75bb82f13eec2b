using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ParallelGen.Tests.Shared;

namespace ParallelGen.IntegrationTests;

/// <summary>
/// Issue 11, point 12: the packed package alone lets a fresh console project run a map on a ProcessPoolExecutor — in
/// its build output, its framework-dependent publish (as <c>dotnet App.dll</c> and as its apphost) — and a single-file
/// publish and a NativeAOT publish refuse at pool creation with a message saying what to do.
/// </summary>
public sealed class ProcessPoolPackageTests
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Packed_package_carries_the_worker_host_beside_the_runtime()
    {
        var package = await PackageConsumptionTests.PackOnceAsync();
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("lib/net8.0/ParallelGen.Worker.dll", entries);
        Assert.Contains("lib/net10.0/ParallelGen.Worker.dll", entries);
    }

    [Fact]
    public async Task Fresh_console_project_runs_a_map_in_worker_processes_from_its_build_and_its_framework_dependent_publish()
    {
        var work = await CreateConsumerAsync();
        try
        {
            var app = Path.Combine(work.FullName, "App");

            // dotnet run: the build output holds the worker host.
            (await DotNetCli.RunAsync(app, s_commandTimeout, null, "build", "-c", "Release")).AssertSuccess("dotnet build");
            Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "ParallelGen.Worker.dll")), "the worker host is not in the build output");
            AssertRanInWorkers((await DotNetCli.RunAsync(app, s_commandTimeout, null, "run", "-c", "Release", "--no-build")).AssertSuccess("dotnet run"));

            // Framework-dependent publish, run as dotnet App.dll and as the apphost.
            var published = Path.Combine(work.FullName, "pub");
            (await DotNetCli.RunAsync(app, s_commandTimeout, null, "publish", "-c", "Release", "-o", published)).AssertSuccess("dotnet publish");
            AssertRanInWorkers((await DotNetCli.RunAsync(published, s_commandTimeout, null, Path.Combine(published, "App.dll"))).AssertSuccess("dotnet App.dll"));
            AssertRanInWorkers((await ProcessRunner.RunAsync(Path.Combine(published, "App"), published, s_commandTimeout)).AssertSuccess("the published apphost"));
        }
        finally
        {
            Delete(work);
        }
    }

    /// <remarks>
    /// A single-file publish needs the linux-x64 runtime pack, which the SDK does not carry: this test restores it from
    /// nuget.org besides the local feed (the only test here that needs the network).
    /// </remarks>
    [Fact]
    public async Task Single_file_publish_refuses_the_pool_at_creation_and_says_what_to_do()
    {
        var work = await CreateConsumerAsync();
        try
        {
            var app = Path.Combine(work.FullName, "App");
            var single = Path.Combine(work.FullName, "single");
            (await DotNetCli.RunAsync(app, s_commandTimeout, null, "publish", "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishSingleFile=true",
                "--source", Repository.PackagesFeed, "--source", "https://api.nuget.org/v3/index.json", "-o", single))
                .AssertSuccess("dotnet publish -p:PublishSingleFile=true (needs nuget.org for the linux-x64 runtime pack)");
            var refused = await ProcessRunner.RunAsync(Path.Combine(single, "App"), single, s_commandTimeout);
            Assert.True(refused.ExitCode == 3, $"the single-file app should report the refusal and exit 3:\n{refused.Output}");
            Assert.Contains("refused: PlatformNotSupportedException", refused.Output, StringComparison.Ordinal);
            Assert.Contains("Publish framework-dependent without PublishSingleFile", refused.Output, StringComparison.Ordinal);
        }
        finally
        {
            Delete(work);
        }
    }

    /// <remarks>
    /// NativeAOT needs the ILCompiler packages, restored from nuget.org besides the local feed, and gcc to link; on the
    /// project's machine the publish takes well under a minute.
    /// </remarks>
    [Fact]
    public async Task NativeAOT_publish_refuses_the_pool_at_creation_and_says_what_to_do()
    {
        var work = await CreateConsumerAsync();
        try
        {
            var app = Path.Combine(work.FullName, "App");
            var aot = Path.Combine(work.FullName, "aot");
            (await DotNetCli.RunAsync(app, s_commandTimeout, null, "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
                "--source", Repository.PackagesFeed, "--source", "https://api.nuget.org/v3/index.json", "-o", aot))
                .AssertSuccess("dotnet publish -p:PublishAot=true (needs nuget.org for the ILCompiler packages)");
            var refused = await ProcessRunner.RunAsync(Path.Combine(aot, "App"), aot, s_commandTimeout);
            Assert.True(refused.ExitCode == 3, $"the NativeAOT app should report the refusal and exit 3:\n{refused.Output}");
            Assert.Contains("refused: PlatformNotSupportedException", refused.Output, StringComparison.Ordinal);
            Assert.Contains("from a NativeAOT app", refused.Output, StringComparison.Ordinal);
            Assert.Contains("Publish without PublishAot", refused.Output, StringComparison.Ordinal);
        }
        finally
        {
            Delete(work);
        }
    }

    /// <summary>A fresh console project outside the repository consuming the packed package from the local feed only.</summary>
    private static async Task<DirectoryInfo> CreateConsumerAsync()
    {
        await PackageConsumptionTests.PackOnceAsync();
        var work = Directory.CreateTempSubdirectory("parallelgen-pool-consumer-");
        File.WriteAllText(Path.Combine(work.FullName, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(work.FullName, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{Repository.PackagesFeed}" />
              </packageSources>
            </configuration>
            """);
        (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "new", "console", "-o", "App", "--framework", "net10.0"))
            .AssertSuccess("dotnet new console");
        var app = Path.Combine(work.FullName, "App");
        (await DotNetCli.RunAsync(app, s_commandTimeout, null, "add", "package", "ParallelGen", "--version", PackageConsumptionTests.Version))
            .AssertSuccess("dotnet add package ParallelGen");
        File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);
        return work;
    }

    private static void Delete(DirectoryInfo work)
    {
        try
        {
            work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void AssertRanInWorkers(DotNetCli.Result run)
    {
        var parent = int.Parse(Regex.Match(run.Output, @"parent: (\d+)").Groups[1].Value);
        var workers = Regex.Match(run.Output, @"workers: ([\d ]+)").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        Assert.NotEmpty(workers);
        Assert.DoesNotContain(parent, workers);
        Assert.Contains("doubled: 0 2 4 6 8 10 12 14 16 18", run.Output, StringComparison.Ordinal);
    }

    private const string ConsumerProgram = """
        using System;
        using System.Linq;
        using ParallelGen;

        Console.WriteLine("parent: " + Environment.ProcessId);
        ProcessPoolExecutor pool;
        try
        {
            pool = new ProcessPoolExecutor(workers: 2);
        }
        catch (PlatformNotSupportedException ex)
        {
            Console.WriteLine($"refused: {ex.GetType().Name}: {ex.Message}");
            return 3;
        }

        await using (pool)
        {
            var options = new MapOptions { Executor = pool, ChunkSize = 1 };
            var results = Calc.DoubleMap(Enumerable.Range(0, 10), options);
            Console.WriteLine("doubled: " + string.Join(" ", results.Select(r => r.Value)));
            Console.WriteLine("workers: " + string.Join(" ", results.Select(r => r.Pid).Distinct()));
        }

        return 0;

        public readonly record struct Doubled(int Value, int Pid);

        public static partial class Calc
        {
            [Parallelizable]
            public static Doubled Double(int x) => new(2 * x, Environment.ProcessId);
        }
        """;
}
