using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Analyzers.Usage;
using ParallelGen.CodeFixes.Usage;

namespace ParallelGen.Analyzers.Tests.Usage;

public class ContainingTypeNotPartialTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer());

    private static Task Verify(string markup) => new AnalyzerVerifier { Analyzers = s_analyzer }.RunAsync(markup);

    private static Task VerifyFix(string markup, string expected) =>
        new CodeFixVerifier { Analyzers = s_analyzer, Fix = new MakeTypesPartialCodeFix(), Iterations = 5 }.VerifyAsync(markup, expected);

    [Fact]
    public Task Reports_a_static_class_that_is_not_partial() => Verify("""
        using ParallelGen;
        public static class Images
        {
            [Parallelizable]
            public static int {|PG0001:Resize|}(string path, int width) => width;
        }
        """);

    [Fact]
    public Task Reports_a_nested_type_whose_enclosing_type_is_not_partial() => Verify("""
        using ParallelGen;
        public class Outer
        {
            public partial class Inner
            {
                [Parallelizable]
                public int {|PG0001:Work|}(int x) => x;
            }
        }
        """);

    [Fact]
    public Task Is_silent_when_every_declaring_type_is_partial() => Verify("""
        using ParallelGen;
        namespace App;
        public partial class Outer
        {
            public partial struct Inner
            {
                [Parallelizable]
                public int Work(int x) => x;
            }

            public partial record Rec(int A)
            {
                [Parallelizable]
                public static int Twice(int x) => 2 * x;
            }
        }
        """);

    [Fact]
    public Task Is_silent_for_a_non_partial_type_without_the_attribute() => Verify("""
        public static class Plain
        {
            public static int Work(int x) => x;
        }
        """);

    [Fact]
    public Task Fix_adds_partial_to_a_static_class() => VerifyFix("""
        using ParallelGen;
        public static class Images
        {
            [Parallelizable]
            public static int {|PG0001:Resize|}(string path, int width) => width;
        }
        """, """
        using ParallelGen;
        public static partial class Images
        {
            [Parallelizable]
            public static int Resize(string path, int width) => width;
        }
        """);

    [Fact]
    public Task Fix_adds_partial_to_every_enclosing_type() => VerifyFix("""
        using ParallelGen;
        namespace App
        {
            // The outer type has no modifiers at all.
            class Outer
            {
                internal sealed class Middle
                {
                    public partial struct Inner
                    {
                        [Parallelizable]
                        public int {|PG0001:Work|}(int x) => x;
                    }

                    record Deep
                    {
                        [Parallelizable]
                        public static int {|PG0001:Twice|}(int x) => 2 * x;
                    }
                }
            }
        }
        """, """
        using ParallelGen;
        namespace App
        {
            // The outer type has no modifiers at all.
            partial class Outer
            {
                internal sealed partial class Middle
                {
                    public partial struct Inner
                    {
                        [Parallelizable]
                        public int Work(int x) => x;
                    }

                    partial record Deep
                    {
                        [Parallelizable]
                        public static int Twice(int x) => 2 * x;
                    }
                }
            }
        }
        """);
}
