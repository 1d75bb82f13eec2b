using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Checks analyzers against markup: every <c>{|PGxxxx:text|}</c> must be reported exactly there and nothing else may be
/// reported (for the ids the analyzers under test support). Fails on analyzer exceptions (AD0001) and, unless allowed,
/// on compiler errors in the test source, so a test cannot pass because its code does not compile.
/// </summary>
public sealed class AnalyzerVerifier
{
    /// <summary>Analyzers under test.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; init; } = ImmutableArray<DiagnosticAnalyzer>.Empty;

    /// <summary>The id for <c>[|text|]</c> markup.</summary>
    public string? DefaultId { get; init; }

    /// <summary>An <c>.editorconfig</c> text at the root of the sources, or null.</summary>
    public string? EditorConfig { get; init; }

    /// <summary>Further sources without markup, compiled beside the first.</summary>
    public IReadOnlyList<string> AdditionalSources { get; init; } = Array.Empty<string>();

    /// <summary>Whether the test source may contain compiler errors.</summary>
    public bool AllowCompilerErrors { get; init; }

    /// <summary>Verifies <paramref name="markup"/> against one analyzer type.</summary>
    public static Task<AnalyzerRun> VerifyAsync<TAnalyzer>(string markup)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        new AnalyzerVerifier { Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()) }.RunAsync(markup);

    /// <summary>Runs the analyzers on <paramref name="markup"/> and compares expected with actual diagnostics.</summary>
    public async Task<AnalyzerRun> RunAsync(string markup)
    {
        if (Analyzers.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException("No analyzers under test.");
        }

        var (source, expected) = Markup.Parse(markup, DefaultId);
        var run = await AnalyzerRunner.RunAsync(new[] { source }.Concat(AdditionalSources), Analyzers, EditorConfig).ConfigureAwait(false);
        if (run.AnalyzerFailures.Count > 0)
        {
            Assert.Fail("Analyzer failures:\n" + string.Join("\n", run.AnalyzerFailures));
        }

        if (!AllowCompilerErrors)
        {
            var errors = TestCompilation.Errors(run.Compilation);
            if (errors.Count > 0)
            {
                Assert.Fail("The test source does not compile:\n" + string.Join("\n", errors) + "\n\n" + Numbered(source));
            }
        }

        var supported = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var actual = run.Diagnostics
            .Where(d => supported.Contains(d.Id) && d.Location.SourceTree?.FilePath == TestCompilation.SourcePath)
            .Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan))
            .ToList();
        var outsideFirstSource = run.Diagnostics
            .Where(d => supported.Contains(d.Id) && d.Location.SourceTree?.FilePath != TestCompilation.SourcePath)
            .ToList();

        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        if (missing.Count > 0 || unexpected.Count > 0 || outsideFirstSource.Count > 0)
        {
            var text = SourceText.From(source);
            var message = new StringBuilder();
            message.AppendLine("Diagnostics differ from the markup.");
            message.AppendLine("Expected:");
            Describe(message, expected, text, run.Diagnostics);
            message.AppendLine("Actual:");
            Describe(message, actual, text, run.Diagnostics);
            if (missing.Count > 0)
            {
                message.AppendLine("Missing:");
                Describe(message, missing, text, run.Diagnostics);
            }

            if (unexpected.Count > 0)
            {
                message.AppendLine("Unexpected:");
                Describe(message, unexpected, text, run.Diagnostics);
            }

            foreach (var d in outsideFirstSource)
            {
                message.AppendLine("Unexpected (in an additional source): " + d);
            }

            message.AppendLine().AppendLine(Numbered(source));
            Assert.Fail(message.ToString());
        }

        return run;
    }

    private static void Describe(StringBuilder message, IEnumerable<ExpectedDiagnostic> diagnostics, SourceText text, ImmutableArray<Diagnostic> actual)
    {
        var any = false;
        foreach (var d in diagnostics)
        {
            any = true;
            var line = text.Lines.GetLinePosition(d.Span.Start);
            var reported = actual.FirstOrDefault(a => a.Id == d.Id && a.Location.SourceSpan == d.Span);
            message.Append("  ").Append(d.Id).Append(" at ").Append(line.Line + 1).Append(':').Append(line.Character + 1)
                .Append(" on '").Append(text.ToString(d.Span)).Append('\'');
            if (reported is not null)
            {
                message.Append(" — ").Append(reported.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            message.AppendLine();
        }

        if (!any)
        {
            message.AppendLine("  (none)");
        }
    }

    /// <summary>The source with line numbers, for failure messages.</summary>
    public static string Numbered(string source) =>
        string.Join("\n", source.Split('\n').Select((l, i) => $"{i + 1,4}: {l.TrimEnd('\r')}"));
}
