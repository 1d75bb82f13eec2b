using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ParallelGen.Analyzers.Usage;
using Xunit.Sdk;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>The harness itself: markup is read as written, and a mismatch fails with both lists.</summary>
public class HarnessTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_usage = ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer());

    private const string NotPartial = """
        using ParallelGen;
        public static class Images
        {
            [Parallelizable]
            public static int Resize(int width) => width;
        }
        """;

    [Fact]
    public void Markup_yields_the_plain_source_and_the_spans()
    {
        var (source, expected) = Markup.Parse("a {|PG0101:bc|} d [|e {|PG0102:f|}|]", defaultId: "PG0100");

        Assert.Equal("a bc d e f", source);
        Assert.Equal(
            new[]
            {
                new ExpectedDiagnostic("PG0101", new TextSpan(2, 2)),
                new ExpectedDiagnostic("PG0100", new TextSpan(7, 3)),
                new ExpectedDiagnostic("PG0102", new TextSpan(9, 1)),
            },
            expected);
    }

    [Fact]
    public async Task A_missing_diagnostic_fails_and_lists_expected_and_actual()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() =>
            new AnalyzerVerifier { Analyzers = s_usage }.RunAsync("public class C { public void {|PG0001:M|}() { } }"));

        Assert.Contains("Missing:", failure.Message);
        Assert.Contains("PG0001 at 1:30 on 'M'", failure.Message);
        Assert.Contains("Actual:\n  (none)", failure.Message.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task An_unexpected_diagnostic_fails_and_names_it()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => new AnalyzerVerifier { Analyzers = s_usage }.RunAsync(NotPartial));

        Assert.Contains("Unexpected:", failure.Message);
        Assert.Contains("PG0001 at 5:23 on 'Resize'", failure.Message);
    }

    [Fact]
    public async Task A_source_that_does_not_compile_fails()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() =>
            new AnalyzerVerifier { Analyzers = s_usage }.RunAsync("public class C { int M() => missing; }"));

        Assert.Contains("does not compile", failure.Message);
    }

    [Fact]
    public async Task An_analyzer_exception_fails_as_AD0001()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() =>
            new AnalyzerVerifier { Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()) }.RunAsync("public class C { }"));

        Assert.Contains("Analyzer failures", failure.Message);
        Assert.Contains(nameof(ThrowingAnalyzer), failure.Message);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public async Task Editorconfig_severity_applies_to_a_usage_rule(string severity, DiagnosticSeverity? expected)
    {
        var run = await AnalyzerRunner.RunAsync(new[] { NotPartial }, s_usage, $"root = true\n[*.cs]\ndotnet_diagnostic.PG0001.severity = {severity}\n");

        Assert.Empty(run.AnalyzerFailures);
        Assert.Equal(expected, run.Diagnostics.Where(d => d.Id == "PG0001").Select(d => (DiagnosticSeverity?)d.Severity).SingleOrDefault());
    }

#pragma warning disable RS1036, RS1025, RS1026, RS1038, RS1041, RS2008 // a deliberately broken analyzer
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor s_rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_rule);

        public override void Initialize(AnalysisContext context) =>
            context.RegisterSyntaxTreeAction(_ => throw new System.InvalidOperationException("boom"));
    }
#pragma warning restore RS1036, RS1025, RS1026, RS1038, RS1041, RS2008
}
