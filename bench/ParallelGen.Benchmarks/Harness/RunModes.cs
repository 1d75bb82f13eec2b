using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// The two run modes. <c>quick</c>: one warm-up and three measured iterations, for development. <c>full</c>: the
/// published figures, more iterations. Both run in process (no per-benchmark project build on a shared machine) and
/// export full JSON for <c>bench/run</c>.
/// </summary>
public static class RunModes
{
    /// <summary>
    /// The configuration of <paramref name="mode"/>. <paramref name="longOperations"/>: one operation per iteration,
    /// no pilot stage. <paramref name="slow"/>: suites of many-second operations (waits, streaming) get fewer
    /// iterations in full mode.
    /// </summary>
    public static IConfig For(string mode, string artifacts, bool longOperations, bool slow)
    {
        var full = mode == "full";
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(full && !slow ? 2 : 1)
            .WithIterationCount(!full ? 3 : slow ? 5 : longOperations ? 10 : 15)
            .WithId(full ? "Full" : "Quick");
        if (longOperations)
        {
            job = job.WithInvocationCount(1).WithUnrollFactor(1);
        }

        return DefaultConfig.Instance
            .AddJob(job.AsDefault())
            .AddExporter(JsonExporter.Full)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);
    }
}
