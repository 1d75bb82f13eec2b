using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParallelGen.Benchmarks.Workloads;

namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// Issue 14's targets (<c>--probe AutoDegree [--rounds N]</c>): each workload with default options (the automatic
/// degree) beside the same map at fixed degrees, round-robin in one process, medians. Prints a table and writes
/// <c>results/auto-degree.json</c>; <c>bench/auto-degree</c> turns that into a table and a chart.
/// </summary>
public static class AutoDegreeProbe
{
    private static readonly int s_cores = Environment.ProcessorCount;

    // What a case measured itself (wall and process CPU seconds), when not the whole run: the CPU map beside an I/O map.
    private static (double Wall, double Cpu)? s_measured;

    /// <summary>Runs every workload <paramref name="rounds"/> times; returns the exit code.</summary>
    public static int Run(int rounds, string? only)
    {
        Work.Prepare();
        _ = Work.OneMillisecond;
        var cases = Cases().Where(c => only is null || c.Workload.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var times = cases.ToDictionary(c => c.Key, _ => new List<double>());
        var loads = new List<double>();

        // Warm-up (not recorded): every case that runs each round, once, so JIT and thread start are not measured.
        foreach (var c in cases.Where(c => !c.FirstRoundOnly))
        {
            c.Run();
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var c in cases)
            {
                if (c.FirstRoundOnly && round > 0)
                {
                    continue;
                }

                GC.Collect();
                GC.WaitForPendingFinalizers();
                s_measured = null;
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var watch = Stopwatch.StartNew();
                c.Run();
                var seconds = watch.Elapsed.TotalSeconds;
                var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
                if (s_measured is { } measured)
                {
                    (seconds, cpu) = measured;
                    s_measured = null;
                }

                times[c.Key].Add(seconds);
                var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
                loads.Add(load);
                Console.WriteLine($"{round} {c.Workload,-28} {c.Contender,-18} {seconds * 1e3,10:F1} ms  load {load:F2}  cpu {cpu * 1e3:F0} ms");
            }
        }

        var rows = cases.Select(c => new Dictionary<string, object>
        {
            ["workload"] = c.Workload,
            ["contender"] = c.Contender,
            ["degree"] = c.Degree,
            ["median"] = Median(times[c.Key]),
            ["runs"] = times[c.Key],
        }).ToList();
        var json = new Dictionary<string, object>
        {
            ["date"] = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
            ["cores"] = s_cores,
            ["rounds"] = rounds,
            ["loadMin"] = loads.Count > 0 ? loads.Min() : 0,
            ["loadMax"] = loads.Count > 0 ? loads.Max() : 0,
            ["rows"] = rows,
        };
        var path = Path.Combine(AppContext.BaseDirectory, "auto-degree.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"wrote {path}");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static MapOptions? Fixed(int degree) => degree == 0 ? null : new MapOptions { MaxDegreeOfParallelism = degree };

    private static IEnumerable<Case> Cases()
    {
        var four = Inputs.FourWaits;
        yield return new("four 2-s waits, XMapAsync", "auto", 0, () => Work.WaitMapAsync(four).GetAwaiter().GetResult());
        yield return new("four 2-s waits, XMap Sleep", "auto", 0, () => Work.SleepMap(four));

        var thousand = Enumerable.Repeat(20, 1_000).ToArray();
        foreach (var degree in new[] { 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1_000 })
        {
            yield return new("1,000 awaits of 20 ms", Name(degree), degree, () => Work.WaitMapAsync(thousand, Fixed(degree)).GetAwaiter().GetResult(), degree is > 0 and < 16);
        }

        var mixed = Inputs.Items(200);
        foreach (var degree in new[] { 0, 1, 2, 4, 8, 16, 24, 32, 64, 128, 200 })
        {
            yield return new("200 x (1 ms CPU, 10 ms await)", Name(degree), degree, () => Work.CpuThenWaitMapAsync(mixed, Fixed(degree)).GetAwaiter().GetResult(), degree is > 0 and < 8);
        }

        var uniform = Inputs.Items(Inputs.UniformCount);
        yield return new("uniform CPU 256 x 2 ms", "auto", 0, () => Work.UniformMap(uniform));
        yield return new("uniform CPU 256 x 2 ms", "degree = cores", s_cores, () => Work.UniformMap(uniform, Fixed(s_cores)));

        // Issue 14.4: an async source of the skewed shape, heaviest last, read ahead like an array (two workers, so
        // the bound max(total / 2, longest) applies; "bound" is that figure, not a run).
        var skewed = Inputs.Items(Work.SkewedSleepMilliseconds.Length);
        var two = new MapOptions { MaxDegreeOfParallelism = 2 };
        var bound = Math.Max(Work.SkewedSleepMilliseconds.Sum() / 2.0, Work.SkewedSleepMilliseconds.Max()) / 1e3;
        yield return new("skewed waits, heaviest last, 2 workers", "bound", 2, () => Thread.Sleep(TimeSpan.FromSeconds(bound)));
        yield return new("skewed waits, heaviest last, 2 workers", "array", 2, () => Work.SkewedWaitMapAsync(skewed, two).GetAwaiter().GetResult());
        yield return new("skewed waits, heaviest last, 2 workers", "IAsyncEnumerable", 2, () => Work.SkewedWaitMapAsync(Arriving(skewed), two).GetAwaiter().GetResult());

        yield return new("CPU map beside an I/O map", "CPU map alone", 0, () => Work.UniformMap(uniform));
        yield return new("CPU map beside an I/O map", "beside async I/O", 0, () => Beside(uniform, () => Work.WaitMapAsync(thousand).GetAwaiter().GetResult()));
        yield return new("CPU map beside an I/O map", "beside blocking I/O", 0, () => Beside(uniform, () => Work.SleepMap(Enumerable.Repeat(20, 200).ToArray())));

        // The same I/O maps at a fixed degree (as a user would have tuned them): what the I/O itself costs the CPU map.
        yield return new("CPU map beside an I/O map", "beside async I/O, degree 1000", 0, () => Beside(uniform, () => Work.WaitMapAsync(thousand, Fixed(1_000)).GetAwaiter().GetResult()));
        yield return new("CPU map beside an I/O map", "beside blocking I/O, degree 200", 0, () => Beside(uniform, () => Work.SleepMap(Enumerable.Repeat(20, 200).ToArray(), Fixed(200))));
    }

    /// <summary>
    /// Runs the CPU map while <paramref name="io"/> runs again and again on other threads; times the CPU map only
    /// (until 2026-11-30 the time also held the wait for the I/O map's current round to end after the CPU map: up to a
    /// whole round of an I/O map at a low degree, which is what made "beside blocking I/O" read as 16%).
    /// </summary>
    private static void Beside(int[] uniform, Action io)
    {
        using var stop = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        var background = Task.Run(() =>
        {
            started.Set();
            while (!stop.IsCancellationRequested)
            {
                io();
            }
        });
        started.Wait();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        Work.UniformMap(uniform);
        s_measured = (watch.Elapsed.TotalSeconds, (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds);
        stop.Cancel();
        background.GetAwaiter().GetResult();
    }

    private static async IAsyncEnumerable<int> Arriving(int[] items)
    {
        foreach (var item in items)
        {
            if (item % 16 == 15)
            {
                await Task.Yield();
            }

            yield return item;
        }
    }

    private static string Name(int degree) => degree == 0 ? "auto" : $"degree {degree}";

    private sealed record Case(string Workload, string Contender, int Degree, Action Run, bool FirstRoundOnly = false)
    {
        public string Key => Workload + "|" + Contender;
    }
}
