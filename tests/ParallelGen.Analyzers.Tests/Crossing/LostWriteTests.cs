using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ParallelGen.Analyzers.Tests.Infrastructure;
using static ParallelGen.Analyzers.Tests.Crossing.CrossingVerifier;

namespace ParallelGen.Analyzers.Tests.Crossing;

/// <summary>PG0120: writes a worker process keeps to itself (Python's "the dict filled in the child is empty in the parent").</summary>
public class LostWriteTests
{
    [Fact]
    public Task Reports_statics_shared_collections_and_ref_writes_in_an_opted_in_method() => Verify("""
        using System.Collections.Generic;
        using System.Threading;
        using ParallelGen;

        public static partial class Work
        {
            private static int s_processed;
            private static readonly Dictionary<string, int> s_counts = new();
            private static readonly List<int> s_seen = new();
            public static int Total { get; set; }

            [Parallelizable(CrossProcess = true)]
            public static int Count(string word)
            {
                {|PG0120:s_processed++|};
                {|PG0120:s_counts[word] = word.Length|};
                {|PG0120:s_seen.Add(word.Length)|};
                {|PG0120:Total += 1|};
                Interlocked.Increment({|PG0120:ref s_processed|});
                var local = new List<int> { 1 };
                local.Add(2);
                return local.Count + word.Length;
            }
        }
        """, withPool: false);

    [Fact]
    public Task Reports_writes_to_the_instance_a_worker_has_a_copy_of() => Verify("""
        using ParallelGen;

        public sealed partial class Counter
        {
            public int Calls { get; set; }
            private int _hits;

            [Parallelizable(CrossProcess = true)]
            public int Hit(int value)
            {
                {|PG0120:_hits = value|};
                {|PG0120:Calls++|};
                return value;
            }
        }
        """, withPool: false);

    [Fact]
    public async Task Reports_at_the_call_site_that_sends_the_method_to_a_pool_and_says_to_return_the_value()
    {
        var run = await Verify("""
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using ParallelGen;

            public static partial class Work
            {
                private static readonly Dictionary<string, int> s_counts = new();

                [Parallelizable] public static int Count(string word) { s_counts[word] = word.Length; return word.Length; }
                public static int[] CountMap(IEnumerable<string> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
            }

            public static class Caller
            {
                public static int[] Go(ProcessPoolExecutor pool, string[] words) => Work.CountMap(words, new MapOptions { Executor = {|PG0120:pool|} });
                public static int[] Threads(string[] words) => Work.CountMap(words);
            }
            """);

        var message = run.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Work.Count' runs in a worker process", message, System.StringComparison.Ordinal);
        Assert.Contains("static field 'Work.s_counts'", message, System.StringComparison.Ordinal);
        Assert.Contains("stays in the worker", message, System.StringComparison.Ordinal);
        Assert.Contains("return the value", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Is_silent_for_locals_parameters_and_reads() => Verify("""
        using System.Collections.Generic;
        using ParallelGen;

        public static partial class Work
        {
            private static readonly int[] s_table = { 1, 2, 3 };

            [Parallelizable(CrossProcess = true)]
            public static int Pure(int[] values, List<int> output)
            {
                var sum = 0;
                foreach (var v in values) { sum += v * s_table[v % 3]; }
                values[0] = sum;
                output.Add(sum);
                return sum;
            }
        }
        """, withPool: false);

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("none", null)]
    public async Task Editorconfig_sets_its_severity(string severity, DiagnosticSeverity? expected)
    {
        const string Source = """
            using ParallelGen;
            public static partial class Work
            {
                private static int s_calls;
                [Parallelizable(CrossProcess = true)] public static int Call(int value) { s_calls++; return value; }
            }
            """;
        var run = await AnalyzerRunner.RunAsync(new[] { Source }, CrossingVerifier.Analyzers, $"root = true\n\n[*.cs]\ndotnet_diagnostic.PG0120.severity = {severity}\n");

        Assert.Equal(expected, run.Diagnostics.Where(d => d.Id == "PG0120").Select(d => (DiagnosticSeverity?)d.Severity).SingleOrDefault());
    }
}
