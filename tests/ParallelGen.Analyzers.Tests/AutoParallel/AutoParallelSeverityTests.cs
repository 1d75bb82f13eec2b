using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>PG0200/PG0201 are info by default; .editorconfig raises, lowers or turns them off, per rule and per category.</summary>
public class AutoParallelSeverityTests
{
    private const string Source = """
        using System.Collections.Generic;

        public static class Scoring
        {
            public static int Score(string word) => word.Length * 31;

            public static List<int> ScoreAll(string[] words)
            {
                var scores = new List<int>();
                foreach (var word in words)
                {
                    scores.Add(Score(word));
                }

                return scores;
            }
        }
        """;

    [Theory]
    [InlineData(null, DiagnosticSeverity.Info)]
    [InlineData("dotnet_diagnostic.PG0201.severity = warning", DiagnosticSeverity.Warning)]
    [InlineData("dotnet_diagnostic.PG0201.severity = none", null)]
    [InlineData("dotnet_analyzer_diagnostic.category-ParallelGen.AutoParallel.severity = error", DiagnosticSeverity.Error)]
    public async Task Editorconfig_sets_the_severity(string? line, DiagnosticSeverity? expected)
    {
        var editorConfig = line is null ? null : "root = true\n\n[*.cs]\n" + line + "\n";
        var run = await AnalyzerRunner.RunAsync(new[] { Source }, AllAnalyzers.Create(), editorConfig);

        Assert.Empty(run.AnalyzerFailures);
        Assert.Equal(expected, run.Diagnostics.Where(d => d.Id == "PG0201").Select(d => (DiagnosticSeverity?)d.Severity).SingleOrDefault());
    }

    [Fact]
    public async Task A_pragma_suppresses_it_at_the_loop()
    {
        var run = await AnalyzerRunner.RunAsync(
            new[] { Source.Replace("        foreach", "#pragma warning disable PG0201\n        foreach", System.StringComparison.Ordinal) },
            AllAnalyzers.Create());

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "PG0201");
    }
}
