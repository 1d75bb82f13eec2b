using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Runs any benchmark class of this assembly, chosen on the command line, e.g.
//   dotnet run -c Release --project bench/ParallelGen.Compiler.Benchmarks -- --filter '*GeneratorCost*'
// One short in-process job for every class (no generated project to build, few iterations): the machine is shared.
// Benchmark classes should not declare jobs of their own.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(9)
    .WithId("ShortInProcess");
var config = DefaultConfig.Instance
    .AddJob(job)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(ParallelGen.Compiler.Benchmarks.SyntheticCompilation).Assembly).Run(args, config);
