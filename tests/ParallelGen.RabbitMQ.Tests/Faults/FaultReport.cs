using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>
/// The closing note every fault test prints, in one format (issue 12, point 7): items, results received, failed, lost
/// (must be 0), duplicates delivered to the caller (must be 0), executions (may exceed items), redelivery delay (from
/// the fault to the next start of an item the fault interrupted: median and max over those items, or "n/a" and why)
/// and wall time. <see cref="Publish"/> writes it to the test output and to
/// <c>tests/ParallelGen.RabbitMQ.Tests/results/fault-tests.md</c> (one row per test, replaced on each run).
/// </summary>
internal sealed record FaultReport(string Name, int Items, int Results, int Failed, int Lost, int Duplicates, int Executions, Redelivery Delay, TimeSpan Wall, string Notes)
{
    private static readonly object s_fileGate = new();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"FAULT {Name}: items {Items}, results {Results}, failed {Failed}, lost {Lost}, duplicates at the caller {Duplicates}, executions {Executions}, redelivery delay {Delay}, wall {Wall.TotalSeconds:0.0} s | {Notes}");

    /// <summary>Prints the line and records it in the results file.</summary>
    public void Publish(ITestOutputHelper output)
    {
        output.WriteLine(ToString());
        if (ResultsFile() is not { } path)
        {
            return;
        }

        lock (s_fileGate)
        {
            var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (File.Exists(path))
            {
                foreach (var line in File.ReadAllLines(path).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| test ", StringComparison.Ordinal)))
                {
                    rows[line.Split('|')[1].Trim()] = line;
                }
            }

            var notes = Notes.Replace("|", "/", StringComparison.Ordinal);
            rows[Name] = string.Create(CultureInfo.InvariantCulture,
                $"| {Name} | {Items} | {Results} | {Failed} | {Lost} | {Duplicates} | {Executions} | {Delay} | {Wall.TotalSeconds:0.0} s | {DateTime.UtcNow:yyyy-MM-dd HH:mm} | {notes} |");
            var text = new List<string>
            {
                "# Cluster fault tests: the closing note of each",
                string.Empty,
                "Written by `dotnet test tests/ParallelGen.RabbitMQ.Tests` (Faults/FaultReport.cs): one row per fault test, replaced when it runs again.",
                "Redelivery delay: from the fault (a worker killed or frozen; the broker back up after a restart) to the next start of each item it interrupted; median / max over those items; n/a (and why) where nothing is redelivered.",
                string.Empty,
                "| test | items | results | failed | lost | duplicates at the caller | executions | redelivery delay | wall | run (UTC) | notes |",
                "|---|---:|---:|---:|---:|---:|---:|---|---:|---|---|",
            };
            text.AddRange(rows.Values);
            File.WriteAllText(path, string.Join("\n", text) + "\n");
        }
    }

    /// <summary>Execution log lines: value, pid, start (unix ms).</summary>
    public static List<(int Value, int Pid, long At)> Parse(IEnumerable<string> lines) =>
        lines.Select(l => l.Split(' ')).Where(p => p.Length == 3)
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Delays between a worker's fault (<paramref name="faults"/>: pid, unix ms of its kill or freeze) and the
    /// next start of each item whose previous execution was on that worker and began before the fault.</summary>
    public static Redelivery AfterWorkerFaults(List<(int Value, int Pid, long At)> executions, IReadOnlyDictionary<int, long> faults)
    {
        var delays = new List<double>();
        foreach (var item in executions.GroupBy(e => e.Value))
        {
            var runs = item.OrderBy(e => e.At).ToList();
            for (var i = 1; i < runs.Count; i++)
            {
                if (faults.TryGetValue(runs[i - 1].Pid, out var at) && runs[i - 1].At <= at && runs[i].At >= at)
                {
                    delays.Add(runs[i].At - at);
                }
            }
        }

        return Redelivery.Of(delays);
    }

    /// <summary>Delays between one fault of the whole cluster at <paramref name="at"/> (unix ms; a broker restart) and
    /// the next start of each item that had started before it and ran again after it.</summary>
    public static Redelivery AfterFault(List<(int Value, int Pid, long At)> executions, long at)
    {
        var delays = new List<double>();
        foreach (var item in executions.GroupBy(e => e.Value))
        {
            var before = item.Where(e => e.At <= at).Select(e => e.At).DefaultIfEmpty(long.MinValue).Max();
            var after = item.Where(e => e.At > at).Select(e => e.At).DefaultIfEmpty(long.MaxValue).Min();
            if (before != long.MinValue && after != long.MaxValue)
            {
                delays.Add(after - at);
            }
        }

        return Redelivery.Of(delays);
    }

    private static string? ResultsFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParallelGen.RabbitMQ.Tests.csproj")))
            {
                var results = Path.Combine(dir.FullName, "results");
                Directory.CreateDirectory(results);
                return Path.Combine(results, "fault-tests.md");
            }
        }

        return null;
    }
}

/// <summary>A fault test's redelivery delay: measured over the items the fault interrupted, or not applicable (why).</summary>
internal readonly record struct Redelivery(int Count, double MedianMs, double MaxMs, string? NotApplicable)
{
    public static Redelivery Na(string reason) => new(0, 0, 0, reason);

    public static Redelivery Of(List<double> delays)
    {
        if (delays.Count == 0)
        {
            return Na("no interrupted item ran again");
        }

        delays.Sort();
        return new Redelivery(delays.Count, delays[delays.Count / 2], delays[^1], null);
    }

    public override string ToString() => NotApplicable is { } reason
        ? "n/a (" + reason + ")"
        : string.Create(CultureInfo.InvariantCulture, $"median {MedianMs:0} ms / max {MaxMs:0} ms over {Count} items");
}
