using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>
/// The closing note of a fault test: items, results received, lost (must be 0), duplicates delivered to the caller
/// (must be 0), executions (may exceed items), redelivery delay (median, max: from a worker's death to the next
/// start of an item it was running) and wall time.
/// </summary>
internal sealed record FaultReport(string Name, int Items, int Results, int Failed, int Lost, int Duplicates, int Executions, double RedeliveryMedianMs, double RedeliveryMaxMs, TimeSpan Wall, string Statistics)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: items {Items}, results {Results}, failed {Failed}, lost {Lost}, duplicates at the caller {Duplicates}, executions {Executions}, redelivery delay median {RedeliveryMedianMs:0} ms / max {RedeliveryMaxMs:0} ms, wall {Wall.TotalSeconds:0.0} s | {Statistics}");

    /// <summary>Execution log lines: value, pid, start (unix ms).</summary>
    public static List<(int Value, int Pid, long At)> Parse(IEnumerable<string> lines) =>
        lines.Select(l => l.Split(' ')).Where(p => p.Length == 3)
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Delays between a worker's death (<paramref name="deaths"/>: pid, unix ms) and the next start of each
    /// item whose previous execution was on that worker.</summary>
    public static (double Median, double Max) RedeliveryDelays(List<(int Value, int Pid, long At)> executions, IReadOnlyDictionary<int, long> deaths)
    {
        var delays = new List<double>();
        foreach (var item in executions.GroupBy(e => e.Value))
        {
            var runs = item.OrderBy(e => e.At).ToList();
            for (var i = 1; i < runs.Count; i++)
            {
                if (deaths.TryGetValue(runs[i - 1].Pid, out var died) && runs[i].At >= died)
                {
                    delays.Add(runs[i].At - died);
                }
            }
        }

        if (delays.Count == 0)
        {
            return (0, 0);
        }

        delays.Sort();
        return (delays[delays.Count / 2], delays[^1]);
    }
}
