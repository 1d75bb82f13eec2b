using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// Where a fix would not compile or would change what the code means, it is not offered: the diagnostic stays and the
/// user decides. Each case is a known limit of the fixes, kept visible here.
/// </summary>
public class FixNotOfferedTests
{
    private static Task NotOffered(CodeFixProvider fix, string markup, string? key = null) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = fix, EquivalenceKey = key }.VerifyNotOfferedAsync(markup);

    [Fact]
    public void Every_fix_is_exported_and_fixes_known_ids()
    {
        var fixes = AllAnalyzers.CreateCodeFixes();
        Assert.Equal(8, fixes.Length);
        var ids = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.All(fixes.SelectMany(f => f.FixableDiagnosticIds), id => Assert.Contains(id, ids));
    }

    [Fact]
    public Task Interlocked_is_not_offered_for_a_static_property() => NotOffered(new UseInterlockedCodeFix(), """
        using System.Threading.Tasks;
        public static class Stats
        {
            public static int Processed { get; set; }
            public static void Run(int n) => Parallel.For(0, n, i => { {|PG0101:Processed++|}; });
        }
        """);

    [Fact]
    public Task Interlocked_is_not_offered_for_a_double_field() => NotOffered(new UseInterlockedCodeFix(), """
        using System.Threading.Tasks;
        public static class Stats
        {
            private static double total;
            public static void Run(double[] xs) => Parallel.For(0, xs.Length, i => { {|PG0101:total += xs[i]|}; });
        }
        """);

    [Fact]
    public Task A_list_passed_on_as_a_List_is_not_changed() => NotOffered(new UseConcurrentCollectionCodeFix(), """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public class Crawler
        {
            private readonly List<string> found = new();
            public void Crawl(string[] pages)
            {
                Parallel.ForEach(pages, page => {|PG0103:found.Add(page)|});
                Sort(found);
            }
            private static void Sort(List<string> items) => items.Sort();
        }
        """);

    [Fact]
    public Task A_list_read_by_index_does_not_become_a_queue() => NotOffered(new UseConcurrentCollectionCodeFix(), """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        public class Crawler
        {
            private readonly List<string> found = new();
            public string Crawl(string[] pages)
            {
                Parallel.ForEach(pages, page => {|PG0103:found.Add(page)|});
                return found[0];
            }
        }
        """);

    [Fact]
    public Task The_accumulator_fix_is_not_offered_when_the_body_reads_the_sum() => NotOffered(new UseLocalAccumulatorCodeFix(), """
        using System;
        using System.Threading.Tasks;
        public static class Totals
        {
            public static long Run(int n)
            {
                long sum = 0;
                Parallel.For(0, n, i =>
                {
                    {|PG0100:sum += i|};
                    Console.WriteLine(sum);
                });
                return sum;
            }
        }
        """, UseLocalAccumulatorCodeFix.Key);
}
