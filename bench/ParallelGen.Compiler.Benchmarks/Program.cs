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
