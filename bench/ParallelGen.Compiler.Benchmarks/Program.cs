using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Runs any benchmark class of this assembly, chosen on the command line, e.g.
//   dotnet run -c Release --project bench/ParallelGen.Compiler.Benchmarks -- --filter '*GeneratorCost*'
// One in-process job for every class (no generated project to build): the machine is shared.
// Server GC, as the compiler runs: csc and VBCSCompiler ship with "System.GC.Server": true in their runtimeconfig.json
// (set for this process in the .csproj; the job states it so the report shows it and BenchmarkDotNet checks it).
// Enough warm-up that the emit baseline, invoked once per iteration, runs tiered-up code like the rest.
// Benchmark classes should not declare jobs of their own.
//
// Two modes outside BenchmarkDotNet, for the analyzers' cost (docs/performance.md, "Compile time: the analyzers"):
//   -- --per-analyzer [rounds] [baseline ParallelGen.Analyzers.dll]   interleaved rounds, each analyzer alone and all
//   -- --telemetry [runs]                                            Roslyn's per-analyzer execution time
//   add --bare to either to analyze the 1,000 methods without the synthetic callers (AnalyzerCostBenchmarks.IncludeCallers)
//   add --sequential to compile and analyze on one thread (AnalyzerCostBenchmarks.Sequential): steadier on a busy machine
//   add --together to --per-analyzer to skip each analyzer alone (fewer contenders, more rounds in the same time)
//   add --sdk to --per-analyzer to add a default build (the SDK's analyzers) with and without ParallelGen's
//   -- --write-project DIR [--bare]                                  the synthetic project on disk, for bench/analyzer-build
if (System.Array.IndexOf(args, "--bare") >= 0)
{
    ParallelGen.Compiler.Benchmarks.AnalyzerCostBenchmarks.IncludeCallers = false;
    args = System.Array.FindAll(args, a => a != "--bare");
}

if (System.Array.IndexOf(args, "--sequential") >= 0)
{
    ParallelGen.Compiler.Benchmarks.AnalyzerCostBenchmarks.Sequential = true;
    args = System.Array.FindAll(args, a => a != "--sequential");
}

var singles = System.Array.IndexOf(args, "--together") < 0;
args = System.Array.FindAll(args, a => a != "--together");
var sdk = System.Array.IndexOf(args, "--sdk") >= 0;
args = System.Array.FindAll(args, a => a != "--sdk");
if (args.Length > 1 && args[0] == "--write-project")
{
    var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    ParallelGen.Compiler.Benchmarks.SyntheticProject.Write(args[1], root, !ParallelGen.Compiler.Benchmarks.AnalyzerCostBenchmarks.IncludeCallers);
    return;
}

if (args.Length > 0 && args[0] == "--per-analyzer")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    var baseline = args.Length > 2 ? System.IO.Path.GetFullPath(args[2]) : null;
    System.Console.WriteLine(ParallelGen.Compiler.Benchmarks.AnalyzerCostBenchmarks.PerAnalyzer(rounds, System.Console.WriteLine, baseline, singles, sdk));
    return;
}

if (args.Length > 0 && args[0] == "--telemetry")
{
    var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    System.Console.WriteLine(ParallelGen.Compiler.Benchmarks.AnalyzerCostBenchmarks.Telemetry(runs));
    return;
}

var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithGcServer(true)
    .WithLaunchCount(1)
    .WithWarmupCount(6)
    .WithIterationCount(15)
    .WithId("InProcessServerGc");
var config = DefaultConfig.Instance
    .AddJob(job)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(ParallelGen.Compiler.Benchmarks.SyntheticCompilation).Assembly).Run(args, config);
