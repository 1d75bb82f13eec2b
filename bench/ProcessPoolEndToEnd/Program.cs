using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ParallelGen;

namespace ProcessPoolEndToEnd;

/// <summary>
/// Prints one JSON object of medians: ready_ms, noop_ns, cpu (sequential and pool seconds, speed-up), crash_ms and
/// the break-even sweep. <c>--quick</c> runs fewer repetitions and items. <c>--dispatch</c> measures only the no-op
/// dispatch: per item of an XMap with default chunking, and per future of 2,000 no-op XSubmit calls in flight at once
/// (to compare two builds side by side, alternating; see README.md).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var reps = quick ? 3 : 7;
        var result = new Dictionary<string, object> { ["reps"] = reps, ["cores"] = Environment.ProcessorCount, ["runtime"] = Environment.Version.ToString() };
        if (args.Contains("--dispatch"))
        {
            await Dispatch(reps, result);
            Console.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }

        var perMicrosecond = Calibrate();

        result["ready_ms"] = Median(await Repeat(reps, async () =>
        {
            var sw = Stopwatch.StartNew();
            await using var pool = new ProcessPoolExecutor(2);
            await pool.StartAsync();
            return sw.Elapsed.TotalMilliseconds;
        }));
        Log($"pool of 2 ready: {result["ready_ms"]:0.0} ms");

        await using (var pool = new ProcessPoolExecutor(2))
        {
            await pool.StartAsync();
            var options = new MapOptions { Executor = pool };
            var items = Enumerable.Range(0, quick ? 200_000 : 1_000_000).ToArray();
            Work.NoopMap(items.AsSpan(0, 10_000).ToArray(), options);
            result["noop_ns"] = Median(await Repeat(reps, () => Task.FromResult(Time(() => Work.NoopMap(items, options)) * 1e9 / items.Length)));
            Log($"no-op, default chunking: {result["noop_ns"]:0} ns per item");

            var twoMs = (int)(perMicrosecond * 2_000);
            var cpuItems = Enumerable.Repeat(twoMs, quick ? 100 : 200).ToArray();
            Work.BurnMap(cpuItems.Take(10), options);
            var (sequential, parallel, speedup) = Paired(reps, () => Sequential(cpuItems), () => Work.BurnMap(cpuItems, options));
            result["cpu"] = new Dictionary<string, double> { ["item_ms"] = sequential * 1e3 / cpuItems.Length, ["sequential_s"] = sequential, ["pool_s"] = parallel, ["speedup"] = speedup };
            Log($"~2 ms CPU items: {sequential:0.000} s one by one, {parallel:0.000} s on the pool: {speedup:0.00}x");

            var sweep = new List<Dictionary<string, double>>();
            foreach (var micros in new[] { 0.03, 0.06, 0.12, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100 })
            {
                var iterations = Math.Max(1, (int)(perMicrosecond * micros));
                var count = (int)Math.Clamp(300_000 / micros, 2_000, 1_000_000);
                var work = Enumerable.Repeat(iterations, count).ToArray();
                Work.BurnMap(work.Take(1_000).ToArray(), options);
                var (seq, _, ratio) = Paired(reps, () => Sequential(work), () => Work.BurnMap(work, options));
                sweep.Add(new() { ["item_us"] = seq * 1e6 / count, ["nominal_us"] = micros, ["speedup"] = ratio });
                Log($"break-even sweep: {seq * 1e6 / count:0.00} us items: {ratio:0.00}x");
            }

            result["sweep"] = sweep;
        }

        await using (var pool = new ProcessPoolExecutor(1))
        {
            var crash = new List<double>();
            for (var r = 0; r < reps; r++)
            {
                await pool.StartAsync();
                var pid = pool.WorkerProcessIds.Single();
                var future = Work.LingerSubmit(60_000, pool);
                await Task.Delay(300);
                var killed = Stopwatch.GetTimestamp();
                Process.GetProcessById(pid).Kill();
                try
                {
                    await future;
                }
                catch (WorkerCrashedException)
                {
                    crash.Add(Stopwatch.GetElapsedTime(killed).TotalMilliseconds);
                }
            }

            result["crash_ms"] = Median(crash);
            Log($"crash detected after SIGKILL: {result["crash_ms"]:0.0} ms");
        }

        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>No-op dispatch only: XMap per item (default chunking) and XSubmit per future (2,000 in flight).</summary>
    private static async Task Dispatch(int reps, Dictionary<string, object> result)
    {
        await using var pool = new ProcessPoolExecutor(2);
        await pool.StartAsync();
        var options = new MapOptions { Executor = pool };
        var items = Enumerable.Range(0, 1_000_000).ToArray();
        Work.NoopMap(items.AsSpan(0, 10_000).ToArray(), options);
        result["noop_ns"] = Median(await Repeat(reps, () => Task.FromResult(Time(() => Work.NoopMap(items, options)) * 1e9 / items.Length)));
        Log($"no-op XMap, default chunking: {result["noop_ns"]:0} ns per item");

        const int submits = 2_000;
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Work.NoopSubmit(i, pool).Task));
        result["submit_us"] = Median(await Repeat(reps, async () =>
        {
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, submits).Select(i => Work.NoopSubmit(i, pool).Task));
            return sw.Elapsed.TotalMilliseconds * 1e3 / submits;
        }));
        Log($"no-op XSubmit, {submits} in flight: {result["submit_us"]:0.0} us per future");
    }

    /// <summary>Burn iterations per microsecond on this machine, in this process.</summary>
    private static double Calibrate()
    {
        const int iterations = 2_000_000;
        Work.Burn(iterations);
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            best = Math.Min(best, Time(() => Work.Burn(iterations)));
        }

        return iterations / (best * 1e6);
    }

    private static long Sequential(int[] items)
    {
        long sum = 0;
        foreach (var item in items)
        {
            sum += Work.Burn(item);
        }

        return sum;
    }

    private static double Time<T>(Func<T> run)
    {
        var sw = Stopwatch.StartNew();
        GC.KeepAlive(run());
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task<List<double>> Repeat(int reps, Func<Task<double>> measure)
    {
        var samples = new List<double>();
        for (var r = 0; r < reps; r++)
        {
            samples.Add(await measure());
        }

        return samples;
    }

    /// <summary>Sequential and pool runs alternated (so load drift hits both alike): median times and median of the per-pair ratios.</summary>
    private static (double Sequential, double Pool, double Speedup) Paired<T1, T2>(int reps, Func<T1> sequential, Func<T2> pool)
    {
        List<double> seq = [], par = [], ratio = [];
        for (var r = 0; r < reps; r++)
        {
            seq.Add(Time(sequential));
            par.Add(Time(pool));
            ratio.Add(seq[^1] / par[^1]);
        }

        return (Median(seq), Median(par), Median(ratio));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }

    private static void Log(string line) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[.NET] {line}"));
}
