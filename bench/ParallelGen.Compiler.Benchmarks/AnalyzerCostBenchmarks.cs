using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Generator;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// What ParallelGen's analyzers (usage and race rules, every <see cref="DiagnosticAnalyzer"/> of the analyzer assembly)
/// add to a build of the synthetic 1,000-method project, side by side in one run: the build alone (compiler
/// diagnostics, then emit) and the same build with the analyzers (compiler and analyzer diagnostics, then emit), both
/// over the project plus the generator's output, each from a fresh semantic state. The job (short, in-process) comes from Program.cs.
/// </summary>
[MemoryDiagnoser]
public partial class AnalyzerCostBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private ImmutableArray<DiagnosticAnalyzer> _sdkAnalyzers;

    /// <summary>
    /// Whether the analyzed project includes the synthetic callers (<see cref="SyntheticCompilation.CallerSource"/>:
    /// loops, launchers and wrapper calls the rules bind and analyze). On by default; off measures the bare 1,000-method
    /// project that the figures before 2026-11-29 were taken on.
    /// </summary>
    public static bool IncludeCallers { get; set; } = true;

    /// <summary>
    /// Whether to compile and analyze on one thread (no concurrent build, no concurrent analysis). Off by default (csc
    /// runs both concurrently); on, the CPU time of a build depends far less on what else the machine runs, for
    /// comparisons on a busy machine.
    /// </summary>
    public static bool Sequential { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The compilation a real build analyzes: the user's files and what the generator added to them.
        var driver = CSharpGeneratorDriver.Create(new[] { new ParallelizableGenerator().AsSourceGenerator() }, parseOptions: SyntheticCompilation.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(IncludeCallers ? SyntheticCompilation.CreateWithCallers() : SyntheticCompilation.Create(), out var output, out _);
        _compilation = (CSharpCompilation)output;
        if (Sequential)
        {
            _compilation = _compilation.WithOptions(_compilation.Options.WithConcurrentBuild(false));
        }

        _analyzers = LoadAnalyzers(typeof(ParallelGen.Analyzers.DiagnosticDescriptors).Assembly);
        if (_analyzers.Length < 2)
        {
            throw new InvalidOperationException("Expected the usage and race analyzers, found " + _analyzers.Length);
        }

        _sdkAnalyzers = ParallelGen.Tests.Shared.SdkAnalyzers.Load();

        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic compilation does not compile: " + string.Join("\n", errors.Take(5)));
        }

        var failures = CompileWithAnalyzers().GetAwaiter().GetResult();
        if (failures > 0)
        {
            throw new InvalidOperationException($"The analyzers failed {failures} times (AD0001) on the synthetic compilation.");
        }
    }

    /// <summary>The build alone: compiler diagnostics, then emit.</summary>
    [Benchmark(Baseline = true)]
    public bool Compile()
    {
        var compilation = _compilation.Clone();
        var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        using var stream = new MemoryStream();
        return compilation.Emit(stream).Success && errors == 0;
    }

    /// <summary>
    /// The build with the analyzer driver running but no ParallelGen rule: one analyzer that registers nothing. A real
    /// build always runs the driver (the SDK's own CA/IDE analyzers are on by default), so the difference between this
    /// and <see cref="CompileWithAnalyzers"/> is what ParallelGen's rules themselves add.
    /// </summary>
    [Benchmark]
    public Task<int> CompileWithDriverOnly() => CompileWith(ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()));

    /// <summary>The build with every ParallelGen analyzer: compiler and analyzer diagnostics, then emit. Returns the AD0001 count.</summary>
    [Benchmark]
    public Task<int> CompileWithAnalyzers() => CompileWith(_analyzers);

    /// <summary>
    /// A default SDK-style build: the SDK's CA analyzers (on by default since .NET 5), at their default severities.
    /// The realistic baseline for the next benchmark.
    /// </summary>
    [Benchmark]
    public Task<int> CompileWithSdkAnalyzers() => CompileWith(_sdkAnalyzers);

    /// <summary>The default SDK-style build with ParallelGen's analyzers added: what a user's build pays for them.</summary>
    [Benchmark]
    public Task<int> CompileWithSdkAndParallelGenAnalyzers() => CompileWith(_sdkAnalyzers.AddRange(_analyzers));

    private async Task<int> CompileWith(ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = _compilation.Clone();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: !Sequential,
            logAnalyzerExecutionTime: false);
        // Diagnostics and emit on the one compilation the driver is attached to, as csc does: binding is shared.
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
        using var stream = new MemoryStream();
        if (!withAnalyzers.Compilation.Emit(stream).Success)
        {
            throw new InvalidOperationException("emit failed");
        }
        return diagnostics.Count(d => d.Id == "AD0001");
    }

    /// <summary>
    /// The same two builds measured in pairs, alternating (build alone, then with analyzers, <paramref name="rounds"/>
    /// times after one warm-up pair), for a machine whose load drifts during a run: each pair sees the same load, so
    /// the median of the per-pair ratios stays meaningful where two separate BenchmarkDotNet series would not. Both
    /// wall time and the process's CPU time (all threads: what the build costs the machine, far less sensitive to
    /// other processes than wall time) are recorded.
    /// </summary>
    public static InterleavedResult MeasureInterleaved(int rounds, Action<string>? log = null)
    {
        var benchmark = new AnalyzerCostBenchmarks();
        benchmark.Setup();
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var wallAlone = new System.Collections.Generic.List<double>();
        var wallWith = new System.Collections.Generic.List<double>();
        var cpuAlone = new System.Collections.Generic.List<double>();
        var cpuWith = new System.Collections.Generic.List<double>();
        var wallRatios = new System.Collections.Generic.List<double>();
        var cpuRatios = new System.Collections.Generic.List<double>();
        for (var round = -1; round < rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var (wa, ca) = Measure(process, () => benchmark.Compile());
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var (wb, cb) = Measure(process, () => benchmark.CompileWithAnalyzers().GetAwaiter().GetResult());
            log?.Invoke($"round {round}: wall {wa:F0} -> {wb:F0} ms ({wb / wa:F3}); cpu {ca:F0} -> {cb:F0} ms ({cb / ca:F3})");
            if (round >= 0)
            {
                wallAlone.Add(wa);
                wallWith.Add(wb);
                cpuAlone.Add(ca);
                cpuWith.Add(cb);
                wallRatios.Add(wb / wa);
                cpuRatios.Add(cb / ca);
            }
        }

        return new InterleavedResult(Median(wallAlone), Median(wallWith), Median(wallRatios), Median(cpuAlone), Median(cpuWith), Median(cpuRatios));
    }

    private static (double WallMs, double CpuMs) Measure(System.Diagnostics.Process process, Action action)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median(System.Collections.Generic.List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    /// <summary>An analyzer that looks at nothing: it only makes the compiler run its analyzer driver.</summary>
    // A benchmark fixture handed to CompilationWithAnalyzers directly, never shipped: the analyzer-authoring rules
    // for shipped analyzers (release tracking, extended rules) do not apply to it.
#pragma warning disable RS1001, RS1036, RS2008
    private sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_never = new("NOOP0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
#pragma warning restore RS1001, RS1036, RS2008
}

/// <summary>Medians of <see cref="AnalyzerCostBenchmarks.MeasureInterleaved"/>: per build and of the per-pair ratios.</summary>
public sealed record InterleavedResult(
    double WallCompileMs,
    double WallWithAnalyzersMs,
    double WallPairRatio,
    double CpuCompileMs,
    double CpuWithAnalyzersMs,
    double CpuPairRatio);
