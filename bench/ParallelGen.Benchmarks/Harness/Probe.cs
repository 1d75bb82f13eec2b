using System.Diagnostics;
using ParallelGen.Benchmarks.Suites;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// A diagnostic mode (<c>--probe Suite</c>): runs the contenders of a CPU suite round-robin, several rounds, and prints
/// each run's wall time next to the process CPU time it used. On a shared machine this separates "the engine left a
/// core idle" (CPU time / wall time well under the core count while the machine has spare capacity) from "other
/// processes took the cores" (CPU time close to what the work needs, wall time long).
/// </summary>
public static class Probe
{
    /// <summary>Runs the probe for <paramref name="suiteName"/> (UniformCpu or SkewedCpu or Trivial).</summary>
    public static int Run(string suiteName, int rounds)
    {
        if (suiteName == "SkewedSleep")
        {
            return SkewedSleep(rounds);
        }

        if (suiteName == "SkewedTails")
        {
            return SkewedTailsProbe.Run(rounds);
        }

        dynamic suite = suiteName switch
        {
            "UniformCpu" => new UniformCpu(),
            "SkewedCpu" => new SkewedCpu(),
            "Trivial" => new Trivial(),
            _ => throw new ArgumentException($"No probe for '{suiteName}'.", nameof(suiteName)),
        };
        suite.Setup();
        var contenders = new (string Name, Action Run)[]
        {
            ("Sequential", () => suite.Sequential()),
            ("ParallelForEach", () => suite.ParallelForEach()),
            ("PlinqAsOrdered", () => suite.PlinqAsOrdered()),
            ("TaskWhenAll", () => ((Task)suite.TaskWhenAll()).GetAwaiter().GetResult()),
            ("MapThreadPool", () => suite.MapThreadPool()),
            ("MapWorkerPool", () => suite.MapWorkerPool()),
        };
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in contenders)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var faultsBefore = MinorFaults();
                var watch = Stopwatch.StartNew();
                run();
                var wall = watch.Elapsed;
                process.Refresh();
                var cpu = process.TotalProcessorTime - cpuBefore;
                var faults = MinorFaults() - faultsBefore;
                Console.WriteLine($"{round} {name,-16} wall {wall.TotalMilliseconds,8:F1} ms  cpu {cpu.TotalMilliseconds,8:F1} ms  cpu/wall {cpu / wall,5:F2}  faults {faults,7}  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }
        }

        suite.Cleanup();
        return 0;
    }

    /// <summary>The process's minor page faults so far (field 10 of /proc/self/stat): first touches of fresh memory.</summary>
    private static long MinorFaults()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<int> Lazy(int[] items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>
    /// Scheduling quality on the skewed shape, independent of CPU load: every contender gets two workers (the cores of
    /// this machine) and items that wait instead of compute; prints each run against the lower bound.
    /// </summary>
    private static int SkewedSleep(int rounds)
    {
        var waits = Work.SkewedSleepMilliseconds;
        var items = Inputs.Items(waits.Length);
        var bound = Math.Max(waits.Sum() / 2.0, waits.Max());
        Console.WriteLine($"skewed waits: {waits.Length} items, total {waits.Sum()} ms, longest {waits.Max()} ms, bound max(total/2, longest) = {bound:F0} ms");
        var threadPool = new ThreadPoolExecutor(2);
        var workerPool = new WorkerPool(2);
        var two = new ParallelOptions { MaxDegreeOfParallelism = 2 };
        var contenders = new (string Name, Action Run)[]
        {
            ("ParallelForEach(2)", () => Parallel.ForEach(items, two, item => Work.SkewedSleep(item))),
            ("PlinqAsOrdered(2)", () => items.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(Work.SkewedSleep).ToArray()),
            ("MapThreadPool(2)", () => Work.SkewedSleepMap(items, Pools.On(threadPool))),
            ("MapWorkerPool(2)", () => Work.SkewedSleepMap(items, Pools.On(workerPool))),
            ("ParallelForEach(2),lazy", () => Parallel.ForEach(Lazy(items), two, item => Work.SkewedSleep(item))),
            ("MapThreadPool(2),lazy", () => Work.SkewedSleepMap(Lazy(items), Pools.On(threadPool))),
        };
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in contenders)
            {
                var watch = Stopwatch.StartNew();
                run();
                Console.WriteLine($"{round} {name,-24} {watch.Elapsed.TotalMilliseconds,8:F0} ms  = {watch.Elapsed.TotalMilliseconds / bound:F3}x bound");
            }
        }

        threadPool.DisposeAsync().AsTask().GetAwaiter().GetResult();
        workerPool.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}
