using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelGen.Benchmarks.Suites;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// Peak memory of streaming, which BenchmarkDotNet does not measure: each contender runs once over ten million items
/// in a fresh process, after a small warm-up run, and reports how far its resident set (and its managed heap) rose
/// above where it stood before the run. One JSON object a line on standard output.
/// </summary>
public static class PeakMemory
{
    /// <summary>Runs every contender in a child process of its own; prints their reports.</summary>
    public static int RunAll(int repeats)
    {
        foreach (var name in StreamingContenders.Names)
        {
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
                if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                {
                    start.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
                }

                start.ArgumentList.Add("--peak-one");
                start.ArgumentList.Add(name);
                using var child = Process.Start(start)!;
                var output = child.StandardOutput.ReadToEnd();
                child.WaitForExit();
                Console.Write(output);
                if (child.ExitCode != 0)
                {
                    return child.ExitCode;
                }
            }
        }

        return 0;
    }

    /// <summary>Runs one contender in this process and prints its report.</summary>
    public static async Task<int> RunOneAsync(string name)
    {
        await using var pools = Pools.ForCpu();
        await StreamingContenders.Run(name, pools, 100_000);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var baselineResident = ResidentBytes();
        var baselineHeap = GC.GetTotalMemory(forceFullCollection: false);
        var resetPeak = TryResetPeakResident();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long sampledResident = baselineResident, sampledHeap = baselineHeap;
        using var done = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!done.IsCancellationRequested)
            {
                sampledResident = Math.Max(sampledResident, ResidentBytes());
                sampledHeap = Math.Max(sampledHeap, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        sampler.Start();

        var watch = Stopwatch.StartNew();
        var sum = await StreamingContenders.Run(name, pools, Inputs.TrivialCount);
        var elapsed = watch.Elapsed;
        done.Cancel();
        sampler.Join();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peakResident = Math.Max(sampledResident, resetPeak ? PeakResidentBytes() : 0);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["contender"] = name,
            ["items"] = Inputs.TrivialCount,
            ["seconds"] = elapsed.TotalSeconds,
            ["peakResidentGrowthBytes"] = peakResident - baselineResident,
            ["peakHeapGrowthBytes"] = sampledHeap - baselineHeap,
            ["allocatedBytes"] = allocated,
            ["peakFromKernel"] = resetPeak,
            ["checksum"] = sum.ToString(CultureInfo.InvariantCulture),
        }));
        return 0;
    }

    // /proc/self/statm: size resident shared ... in pages.
    private static long ResidentBytes() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;

    // Writing 5 to clear_refs resets VmHWM (the kernel's peak resident set) to the current resident set.
    private static bool TryResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long PeakResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
