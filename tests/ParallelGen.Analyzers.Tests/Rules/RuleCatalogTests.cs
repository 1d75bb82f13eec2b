using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Analyzers.Tests.Rules;

/// <summary>
/// Every rule id has a descriptor served by an analyzer, a help link to its page, the page itself (with a bad and a good
/// example and how to suppress), a row in AnalyzerReleases.Unshipped.md, and an .editorconfig severity that works.
/// </summary>
public class RuleCatalogTests
{
    public static IEnumerable<object[]> Ids() =>
        // DiagnosticIds is linked into both assemblies; the analyzers' copy is the one of record.
        AllAnalyzers.AnalyzerAssembly.GetType("ParallelGen.Analyzers.DiagnosticIds", throwOnError: true)!.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .OrderBy(id => id, StringComparer.Ordinal)
            .Select(id => new object[] { id });

    private static readonly Dictionary<string, DiagnosticDescriptor> s_served = AllAnalyzers.Create()
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .ToDictionary(g => g.Key, g => g.First());

    [Fact]
    public void There_are_twenty_four_rules() => Assert.Equal(24, Ids().Count());

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_is_served_with_its_help_link(string id)
    {
        Assert.True(s_served.TryGetValue(id, out var descriptor), $"No analyzer reports {id}.");
        Assert.Equal($"https://github.com/parallelgen/parallelgen/blob/main/docs/rules/{id}.md", descriptor!.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.StartsWith("ParallelGen.", descriptor.Category, StringComparison.Ordinal);
        Assert.Equal(
            string.CompareOrdinal(id, "PG0100") < 0 ? DiagnosticSeverity.Error : string.CompareOrdinal(id, "PG0200") < 0 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info,
            descriptor.DefaultSeverity);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_has_a_page_with_bad_and_good_examples_and_suppression(string id)
    {
        var page = Path.Combine(Repository.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing.");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it reports", "## Why it matters", "## Bad", "## Good", "## Suppress or change the severity" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains($"#pragma warning disable {id}", text, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);
        Assert.Contains(s_served[id].Category, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_is_in_the_unshipped_release(string id)
    {
        var rows = File.ReadAllLines(Path.Combine(Repository.Root, "src", "Analyzers", "ParallelGen.Analyzers", "AnalyzerReleases.Unshipped.md"))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 3 && c[0] == id)
            .ToList();
        var row = Assert.Single(rows);
        Assert.Equal(s_served[id].Category, row[1]);
        Assert.Equal(s_served[id].DefaultSeverity.ToString(), row[2]);
    }

    private const string StaticCounter = """
        using System.Threading.Tasks;
        public static class Stats
        {
            private static int processed;
            public static void Run(int n) => Parallel.For(0, n, i => { processed++; });
        }
        """;

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning)]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("none", null)]
    public async Task Editorconfig_sets_the_severity_of_a_race_rule(string? severity, DiagnosticSeverity? expected)
    {
        var editorConfig = severity is null ? null : $"root = true\n\n[*.cs]\ndotnet_diagnostic.PG0101.severity = {severity}\n";
        var run = await AnalyzerRunner.RunAsync(new[] { StaticCounter }, AllAnalyzers.Create(), editorConfig);

        Assert.Empty(run.AnalyzerFailures);
        Assert.Equal(expected, run.Diagnostics.Where(d => d.Id == "PG0101").Select(d => (DiagnosticSeverity?)d.Severity).SingleOrDefault());
    }

    [Fact]
    public async Task Editorconfig_sets_the_severity_of_the_whole_race_category()
    {
        var editorConfig = "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-ParallelGen.Concurrency.severity = error\n";
        var run = await AnalyzerRunner.RunAsync(new[] { StaticCounter }, AllAnalyzers.Create(), editorConfig);

        Assert.Equal(DiagnosticSeverity.Error, run.Diagnostics.Single(d => d.Id == "PG0101").Severity);
    }

    [Fact]
    public async Task Editorconfig_applies_only_to_the_files_its_section_matches()
    {
        var editorConfig = "root = true\n\n[/src/Other*.cs]\ndotnet_diagnostic.PG0101.severity = none\n";
        var run = await AnalyzerRunner.RunAsync(new[] { StaticCounter }, AllAnalyzers.Create(), editorConfig);

        Assert.Equal(DiagnosticSeverity.Warning, run.Diagnostics.Single(d => d.Id == "PG0101").Severity);
    }

    [Fact]
    public async Task A_pragma_suppresses_a_race_rule_at_its_real_location()
    {
        var run = await AnalyzerRunner.RunAsync(
            new[] { StaticCounter.Replace("{ processed++; }", "{\n#pragma warning disable PG0101\n processed++;\n#pragma warning restore PG0101\n }", StringComparison.Ordinal) },
            AllAnalyzers.Create());

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "PG0101");
    }
}
