using System.Text.Json;
using BenchmarkDotNet.Running;
using ParallelGen.Benchmarks.Harness;
using ParallelGen.Benchmarks.Suites;
using ParallelGen.Benchmarks.Workloads;

// Usage:
//   ParallelGen.Benchmarks [--mode quick|full] [--suite Trivial,UniformCpu,...] [--artifacts DIR]
//   ParallelGen.Benchmarks --peak [--repeats N]     peak memory of streaming, each contender in a fresh process
//   ParallelGen.Benchmarks --info                   calibration and workload facts as JSON
//   ParallelGen.Benchmarks --probe UniformCpu [--rounds N]   wall and CPU time of each contender, round-robin (diagnosis)
//   ParallelGen.Benchmarks --probe SkewedTails [--rounds N]  heavier skewed shapes against the lower bound (diagnosis)
//   ParallelGen.Benchmarks --probe AutoDegree [--rounds N] [--only WORKLOAD]  issue 14: default options beside fixed degrees
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

if (Option("--probe") is "AutoDegree")
{
    return AutoDegreeProbe.Run(int.Parse(Option("--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture), Option("--only"));
}

if (Option("--probe") is { } probe)
{
    return Probe.Run(probe, int.Parse(Option("--rounds") ?? "3", System.Globalization.CultureInfo.InvariantCulture));
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

var suites = new (Type Type, bool LongOperations, bool Slow)[]
{
    (typeof(Trivial), true, false), (typeof(UniformCpu), true, false), (typeof(SkewedCpu), true, false),
    (typeof(FourWaits), true, true), (typeof(ManyWaits), true, true), (typeof(Streaming), true, true),
    (typeof(MapOverhead), false, false),
};
var chosen = Option("--suite")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var artifacts = Option("--artifacts") ?? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
foreach (var (type, longOperations, slow) in suites)
{
    if (chosen is null || chosen.Contains(type.Name, StringComparer.OrdinalIgnoreCase))
    {
        BenchmarkRunner.Run(type, RunModes.For(mode, artifacts, longOperations, slow));
    }
}

return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
