using System.Text.Json;
using BenchmarkDotNet.Running;
using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Suites;
using ParallelGen.Benchmarks.Workloads;

// Usage:
//   ParallelGen.Benchmarks [--mode quick|full] [--suite Trivial,UniformCpu,...] [--artifacts DIR]
//   ParallelGen.Benchmarks --peak [--repeats N]     peak memory of streaming, each contender in a fresh process
//   ParallelGen.Benchmarks --info                   calibration and workload facts as JSON
// bench/run runs all of them and the Python peers, and prints one table.
var mode = Option("--mode") ?? "quick";
if (mode is not ("quick" or "full"))
{
    Console.Error.WriteLine("--mode is quick or full");
    return 2;
}

if (Option("--peak-one") is { } one)
{
    return await PeakMemory.RunOneAsync(one);
}

if (args.Contains("--peak"))
{
    return PeakMemory.RunAll(int.Parse(Option("--repeats") ?? "1", System.Globalization.CultureInfo.InvariantCulture));
}

if (args.Contains("--info"))
{
    Work.Prepare();
    var skewed = Inputs.SkewedMicroseconds();
    Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["processors"] = Environment.ProcessorCount,
        ["iterationsPerMicrosecond"] = Cpu.IterationsPerMicrosecond,
        ["skewedTotalMicroseconds"] = skewed.Sum(),
        ["skewedLongestMicroseconds"] = skewed.Max(),
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    }));
    return 0;
}

var suites = new (Type Type, bool LongOperations)[]
{
    (typeof(Trivial), true), (typeof(UniformCpu), true), (typeof(SkewedCpu), true), (typeof(FourWaits), true),
    (typeof(ManyWaits), true), (typeof(Streaming), true), (typeof(MapOverhead), false),
};
var chosen = Option("--suite")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var artifacts = Option("--artifacts") ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
foreach (var (type, longOperations) in suites)
{
    if (chosen is null || chosen.Contains(type.Name, StringComparer.OrdinalIgnoreCase))
    {
        BenchmarkRunner.Run(type, RunModes.For(mode, artifacts, longOperations));
    }
}

return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
