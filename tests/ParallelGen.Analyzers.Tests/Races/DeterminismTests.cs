using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>
/// Issue 13, point 6: the interprocedural summaries are cached, but a summary cut short by a call cycle or by the depth
/// limit is never reused as complete, so the diagnostics do not depend on the order in which methods are analysed.
/// </summary>
public class DeterminismTests
{
    // A and B call each other; only A writes. Worker 1 enters the cycle at B, worker 2 at A. Analysing worker 2 first
    // used to cache B's summary as computed inside A (with A cut off: "writes nothing"), so worker 1 went silent.
    private const string Cycle = """
        static class Cycle
        {
            static int state;
            public static void A(int n) { state++; if (n > 0) B(n - 1); }
            public static void B(int n) { if (n > 0) A(n - 1); }
        }
        """;

    private const string EntersAtA = """
        static class First
        {
            public static void Run() => Parallel.For(0, 8, i => Cycle.A(i));
        }
        """;

    private const string EntersAtB = """
        static class Second
        {
            public static void Run() => Parallel.For(0, 8, i => Cycle.B(i));
        }
        """;

    // A chain deeper than the limit from one worker, and a worker that enters its tail directly.
    private const string Deep = """
        static class Deep
        {
            static int n;
            public static void C1() => C2(); public static void C2() => C3(); public static void C3() => C4();
            public static void C4() => C5(); public static void C5() => C6(); public static void C6() => C7();
            public static void C7() => C8(); public static void C8() => C9(); public static void C9() { n++; }
        }
        """;

    private const string DeepWorkers = """
        static class DeepWorkers
        {
            public static void Tail() => Parallel.For(0, 8, i => Deep.C6());
            public static void Head() => Parallel.For(0, 8, i => Deep.C1());
        }
        """;

    [Fact]
    public async Task Same_diagnostics_whichever_method_is_analysed_first()
    {
        var orders = new[]
        {
            new[] { Cycle, EntersAtA, EntersAtB, Deep, DeepWorkers },
            new[] { Cycle, EntersAtB, EntersAtA, DeepWorkers, Deep },
            new[] { DeepWorkers, EntersAtB, Deep, EntersAtA, Cycle },
            new[] { EntersAtA, Deep, Cycle, DeepWorkers, EntersAtB },
        };

        var results = new List<List<string>>();
        foreach (var order in orders)
        {
            var run = await AnalyzerRunner.RunAsync(order.Append(RaceVerifier.GlobalUsings), RaceVerifier.Analyzers());
            Assert.Empty(run.AnalyzerFailures);
            results.Add(run.Diagnostics
                .Select(d => $"{d.Id} {d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .OrderBy(s => s, System.StringComparer.Ordinal)
                .ToList());
        }

        foreach (var result in results.Skip(1))
        {
            Assert.Equal(results[0], result);
        }

        // Both entries into the cycle reach A's write; the tail of the deep chain is reached, its head is past the limit.
        Assert.Contains(results[0], d => d.StartsWith("PG0106 Cycle.A(i)", System.StringComparison.Ordinal));
        Assert.Contains(results[0], d => d.StartsWith("PG0106 Cycle.B(i)", System.StringComparison.Ordinal));
        Assert.Contains(results[0], d => d.StartsWith("PG0106 Deep.C6()", System.StringComparison.Ordinal));
        Assert.DoesNotContain(results[0], d => d.StartsWith("PG0106 Deep.C1()", System.StringComparison.Ordinal));
    }
}
