using System.Threading.Tasks;
using ParallelGen.Analyzers.Races;
using ParallelGen.Analyzers.Usage;
using ParallelGen.CodeFixes.Races;
using ParallelGen.CodeFixes.Usage;

namespace ParallelGen.Analyzers.Tests.Standard;

/// <summary>
/// A representative subset of the usage, race and code-fix tests run through the ecosystem's harness, so the rules are
/// checked by the tooling every analyzer author uses as well as by the hand-written one (whose extra abilities are
/// listed in <c>Infrastructure/AnalyzerVerifier.cs</c>).
/// </summary>
public sealed class StandardHarnessTests
{
    [Fact]
    public Task Usage_rules_are_reported_where_the_markup_says() => StandardTests.Analyzer<UsageAnalyzer>("""
        using System;
        using ParallelGen;

        public partial class Work
        {
            [Parallelizable]
            public static int Square(int x) => x * x;

            [Parallelizable]
            public static int Bump({|PG0002:ref int x|}) => ++x;

            [Parallelizable]
            public static {|PG0003:Span<int>|} Slice(int[] values) => values;

            [Parallelizable({|PG0010:Name = "not valid"|})]
            public static int Named(int x) => x;

            [Parallelizable]
            public static int {|PG0011:Twin|}(int x) => x;

            [Parallelizable]
            public static int {|PG0011:Twin|}(int x, System.Threading.CancellationToken ct) => x;

            public int Run()
            {
                [{|PG0005:Parallelizable|}]
                static int Local(int x) => x;
                return Local(1);
            }
        }

        public class Plain
        {
            [Parallelizable]
            public static int {|PG0001:Cube|}(int x) => x * x * x;
        }

        public ref partial struct Stack
        {
            [Parallelizable]
            public int {|PG0012:Peek|}(int x) => x;
        }
        """).RunAsync();

    [Fact]
    public Task A_wrapper_name_clash_is_reported_on_the_Name_argument() => StandardTests.Analyzer<UsageAnalyzer>("""
        using ParallelGen;

        public partial class Work
        {
            [Parallelizable({|PG0004:Name = "Resize"|})]
            public static int Square(int x) => x * x;

            public static void ResizeMap() { }
        }
        """).RunAsync();

    [Fact]
    public Task The_not_partial_fix_makes_every_enclosing_type_partial() => StandardTests.CodeFix<UsageAnalyzer, MakeTypesPartialCodeFix>(
        """
        using ParallelGen;

        public class Outer
        {
            public class Inner
            {
                [Parallelizable]
                public static int {|PG0001:Square|}(int x) => x * x;
            }
        }
        """,
        """
        using ParallelGen;

        public partial class Outer
        {
            public partial class Inner
            {
                [Parallelizable]
                public static int Square(int x) => x * x;
            }
        }
        """).RunAsync();

    [Fact]
    public Task A_static_counter_written_by_workers_is_a_race() => StandardTests.Analyzer<SharedStateRaceAnalyzer>("""
        using System.Threading.Tasks;

        public static class Stats
        {
            private static int s_processed;

            public static void Run(int n) => Parallel.For(0, n, i => { {|PG0101:s_processed++|}; });
        }
        """).RunAsync();

    [Fact]
    public Task Locals_and_interlocked_are_not_races() => StandardTests.Analyzer<SharedStateRaceAnalyzer>("""
        using System.Threading;
        using System.Threading.Tasks;

        public static class Stats
        {
            private static int s_processed;

            public static void Run(int n) => Parallel.For(0, n, i =>
            {
                var local = i * 2;
                local++;
                Interlocked.Increment(ref s_processed);
            });
        }
        """).RunAsync();

    [Fact]
    public Task The_interlocked_fix_repairs_a_static_counter() => StandardTests.CodeFix<SharedStateRaceAnalyzer, UseInterlockedCodeFix>(
        """
        using System.Threading.Tasks;

        public static class Stats
        {
            private static int s_processed;

            public static void Run(int n) => Parallel.For(0, n, i => { {|PG0101:s_processed++|}; });
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;

        public static class Stats
        {
            private static int s_processed;

            public static void Run(int n) => Parallel.For(0, n, i => { Interlocked.Increment(ref s_processed); });
        }
        """).RunAsync();
}
