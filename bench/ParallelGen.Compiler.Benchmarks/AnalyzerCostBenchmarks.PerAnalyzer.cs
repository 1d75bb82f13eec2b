using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// Where the analyzers' cost goes: each ParallelGen analyzer alone against the build alone, beside the driver with no
/// rule and every analyzer together, all interleaved in one run (<see cref="PerAnalyzer"/>); and Roslyn's own
/// per-analyzer execution time (<see cref="Telemetry"/>). <see cref="PerAnalyzer"/> can also load a second copy of the
/// analyzer assembly (for example main's, built from <c>git archive</c>) so before and after are measured in one run.
/// </summary>
public partial class AnalyzerCostBenchmarks
{
    /// <summary>
    /// Interleaved rounds: in every round the build alone, then each contender (the driver with no rule, every analyzer,
    /// each analyzer alone, and every analyzer of <paramref name="baselineAssemblyPath"/> when given), in an order that
    /// rotates from round to round. Each contender's ratio is the median over rounds of its CPU (and wall) time divided by
    /// the build alone of the same round. Returns a markdown table.
    /// </summary>
    /// <param name="rounds">Measured rounds (one warm-up round runs first).</param>
    /// <param name="log">Receives one line per measurement.</param>
    /// <param name="baselineAssemblyPath">Another build of ParallelGen.Analyzers.dll to measure beside this one.</param>
    /// <param name="singles">Whether to measure each analyzer alone as well.</param>
    /// <param name="sdk">
    /// Whether to add the build a user runs by default (the SDK's own analyzers) with and without ParallelGen's, and
    /// the median over rounds of their per-round ratio: what ParallelGen's analyzers add to a default build.
    /// </param>
    /// <returns>The medians as a markdown table.</returns>
    public static string PerAnalyzer(int rounds, Action<string>? log = null, string? baselineAssemblyPath = null, bool singles = true, bool sdk = false)
    {
        var benchmark = new AnalyzerCostBenchmarks();
        benchmark.Setup();
        var contenders = new List<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)>
        {
            ("driver only (an analyzer that registers nothing)", ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer())),
            ("every ParallelGen analyzer (this build)", benchmark._analyzers),
        };
        if (baselineAssemblyPath is not null)
        {
            var baseline = LoadAnalyzers(new BaselineContext(baselineAssemblyPath).LoadFromAssemblyPath(baselineAssemblyPath));
            contenders.Add(("every ParallelGen analyzer (" + baselineAssemblyPath + ")", baseline));
        }

        var sdkIndex = contenders.Count;
        if (sdk)
        {
            contenders.Add(("the SDK's analyzers (a default build)", benchmark._sdkAnalyzers));
            contenders.Add(("the SDK's analyzers and every ParallelGen analyzer", benchmark._sdkAnalyzers.AddRange(benchmark._analyzers)));
        }

        if (singles)
        {
            foreach (var analyzer in benchmark._analyzers)
            {
                contenders.Add((analyzer.GetType().Name + " alone", ImmutableArray.Create(analyzer)));
            }
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuRatios = contenders.Select(_ => new List<double>()).ToList();
        var wallRatios = contenders.Select(_ => new List<double>()).ToList();
        var allocatedRatios = contenders.Select(_ => new List<double>()).ToList();
        var cpuAlone = new List<double>();
        for (var round = -1; round < rounds; round++)
        {
            var (wallBase, cpuBase, allocatedBase) = MeasureCollected(process, () => benchmark.Compile());
            log?.Invoke($"round {round}: build alone wall {wallBase:F0} ms, cpu {cpuBase:F0} ms, allocated {allocatedBase / 1e6:F0} MB");
            for (var k = 0; k < contenders.Count; k++)
            {
                var index = (k + Math.Max(round, 0)) % contenders.Count;
                var analyzers = contenders[index].Analyzers;
                var (wall, cpu, allocated) = MeasureCollected(process, () => benchmark.CompileWith(analyzers).GetAwaiter().GetResult());
                log?.Invoke($"round {round}: {contenders[index].Name}: wall {wall:F0} ms ({wall / wallBase:F3}), cpu {cpu:F0} ms ({cpu / cpuBase:F3}), allocated {allocated / 1e6:F0} MB ({allocated / allocatedBase:F3})");
                if (round >= 0)
                {
                    cpuRatios[index].Add(cpu / cpuBase);
                    wallRatios[index].Add(wall / wallBase);
                    allocatedRatios[index].Add(allocated / allocatedBase);
                }
            }

            if (round >= 0)
            {
                cpuAlone.Add(cpuBase);
            }
        }

        var table = new StringBuilder();
        table.AppendLine(FormattableString.Invariant($"build alone: median CPU {Median(cpuAlone):F0} ms over {rounds} rounds"));
        if (sdk)
        {
            // Same round, same build alone: the ratio of the two ratios is ParallelGen's share of a default build.
            var added = Enumerable.Range(0, cpuRatios[sdkIndex].Count).Select(r => cpuRatios[sdkIndex + 1][r] / cpuRatios[sdkIndex][r]).ToList();
            var addedWall = Enumerable.Range(0, wallRatios[sdkIndex].Count).Select(r => wallRatios[sdkIndex + 1][r] / wallRatios[sdkIndex][r]).ToList();
            var addedAllocated = Enumerable.Range(0, allocatedRatios[sdkIndex].Count).Select(r => allocatedRatios[sdkIndex + 1][r] / allocatedRatios[sdkIndex][r]).ToList();
            table.AppendLine(FormattableString.Invariant($"a default build with ParallelGen's analyzers against without (median of per-round ratios): CPU {Median(added):F3}, wall {Median(addedWall):F3}, allocated {Median(addedAllocated):F3}"));
        }
        table.AppendLine();
        table.AppendLine("| contender | CPU ratio to build alone (median) | wall ratio (median) | allocated ratio (median) |");
        table.AppendLine("|---|---:|---:|---:|");
        for (var k = 0; k < contenders.Count; k++)
        {
            table.AppendLine(FormattableString.Invariant($"| {contenders[k].Name} | {Median(cpuRatios[k]):F3} | {Median(wallRatios[k]):F3} | {Median(allocatedRatios[k]):F3} |"));
        }

        return table.ToString();
    }

    /// <summary>
    /// Roslyn's per-analyzer execution time (<c>logAnalyzerExecutionTime</c>): every analyzer together, concurrent
    /// analysis, <paramref name="runs"/> times after one warm-up; the median per analyzer, as a markdown table. Times are
    /// summed over threads, so they add up to more than the wall time the analyzers add.
    /// </summary>
    public static string Telemetry(int runs)
    {
        var benchmark = new AnalyzerCostBenchmarks();
        benchmark.Setup();
        var times = benchmark._analyzers.ToDictionary(a => a, _ => new List<double>());
        for (var run = -1; run < runs; run++)
        {
            var compilation = benchmark._compilation.Clone();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: !Sequential,
                logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(benchmark._analyzers, options);
            var result = withAnalyzers.GetAnalysisResultAsync(default).GetAwaiter().GetResult();
            foreach (var analyzer in benchmark._analyzers)
            {
                if (run >= 0 && result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var info))
                {
                    times[analyzer].Add(info.ExecutionTime.TotalMilliseconds);
                }
            }
        }

        var table = new StringBuilder();
        table.AppendLine("| analyzer | execution time (median, ms) |");
        table.AppendLine("|---|---:|");
        foreach (var pair in times.OrderByDescending(p => Median(p.Value)))
        {
            table.AppendLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F0} |", pair.Key.GetType().Name, Median(pair.Value)));
        }

        return table.ToString();
    }

    /// <summary>
    /// Wall time, CPU time and bytes allocated by all threads. Allocation is a proxy for the work done (binding allocates)
    /// that other processes' load does not move, for comparisons on a busy machine.
    /// </summary>
    private static (double WallMs, double CpuMs, double Allocated) MeasureCollected(System.Diagnostics.Process process, Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var (wall, cpu) = Measure(process, action);
        return (wall, cpu, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>A second copy of the analyzer assembly beside this one; Roslyn and everything else come from the default context.</summary>
    private sealed class BaselineContext(string path) : AssemblyLoadContext("baseline-analyzers:" + path)
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
