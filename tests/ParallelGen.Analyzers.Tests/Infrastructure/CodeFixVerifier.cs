using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies a code fix as the IDE does (an <see cref="AdhocWorkspace"/>, the fix's registered action, its
/// <see cref="ApplyChangesOperation"/>) and checks three things: the fixed text is the expected one, it compiles without
/// errors, and the diagnostics the fix targets are gone.
/// </summary>
public sealed class CodeFixVerifier
{
    /// <summary>Analyzers that report the diagnostics to fix.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; init; } = ImmutableArray<DiagnosticAnalyzer>.Empty;

    /// <summary>The fix under test.</summary>
    public CodeFixProvider? Fix { get; init; }

    /// <summary>Which registered action to apply: the one with this equivalence key, or the first when null.</summary>
    public string? EquivalenceKey { get; init; }

    /// <summary>The id for <c>[|text|]</c> markup.</summary>
    public string? DefaultId { get; init; }

    /// <summary>
    /// How many times to fix the first remaining fixable diagnostic (1 = one fix). The loop stops earlier when none is left.
    /// </summary>
    public int Iterations { get; init; } = 1;

    /// <summary>Ids allowed to remain reported after the fix (for a fix that repairs one of several reports).</summary>
    public IReadOnlyCollection<string> AllowedRemainingIds { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Checks that the markup's diagnostics are reported, applies the fix and compares with <paramref name="expected"/>.
    /// Returns the fixed source.
    /// </summary>
    public async Task<string> VerifyAsync(string markup, string expected)
    {
        var fix = Fix ?? throw new InvalidOperationException("No code fix under test.");
        await new AnalyzerVerifier { Analyzers = Analyzers, DefaultId = DefaultId }.RunAsync(markup).ConfigureAwait(false);

        var (source, _) = Markup.Parse(markup, DefaultId);
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("TestProject", "TestProject", LanguageNames.CSharp)
            .WithCompilationOptions(TestCompilation.Options)
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithMetadataReferences(TestCompilation.References);
        var document = project.AddDocument("Test0.cs", SourceText.From(source), filePath: TestCompilation.SourcePath);
        var documentId = document.Id;
        var solution = document.Project.Solution;
        var fixable = fix.FixableDiagnosticIds.ToHashSet(StringComparer.Ordinal);

        var applied = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var current = solution.GetDocument(documentId)!;
            var diagnostics = await FixableDiagnosticsAsync(current, fixable).ConfigureAwait(false);
            if (diagnostics.Count == 0)
            {
                break;
            }

            var diagnostic = diagnostics[0];
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(current, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            var chosen = Flatten(actions).FirstOrDefault(a => EquivalenceKey is null || a.EquivalenceKey == EquivalenceKey);
            if (chosen is null)
            {
                Assert.Fail($"{fix.GetType().Name} registered no action{(EquivalenceKey is null ? string.Empty : $" '{EquivalenceKey}'")} for {diagnostic}. Registered: [{string.Join(", ", Flatten(actions).Select(a => a.EquivalenceKey ?? a.Title))}]");
            }

            var operations = await chosen!.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false);
            var change = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
                ?? throw new InvalidOperationException($"Action '{chosen.Title}' produced no ApplyChangesOperation.");
            solution = change.ChangedSolution;
            applied++;
        }

        Assert.True(applied > 0, "The fix was never applied: no fixable diagnostic was reported.");
        var fixedDocument = solution.GetDocument(documentId)!;
        var fixedText = (await fixedDocument.GetTextAsync().ConfigureAwait(false)).ToString();
        if (Normalize(fixedText) != Normalize(expected))
        {
            Assert.Fail($"The fixed code differs.\n--- expected ---\n{expected}\n--- actual ---\n{fixedText}\n--- first differing line ---\n{FirstDifference(expected, fixedText)}");
        }

        var compilation = (await fixedDocument.Project.GetCompilationAsync().ConfigureAwait(false))!;
        var errors = TestCompilation.Errors(compilation);
        if (errors.Count > 0)
        {
            Assert.Fail("The fixed code does not compile:\n" + string.Join("\n", errors) + "\n\n" + AnalyzerVerifier.Numbered(fixedText));
        }

        var remaining = (await FixableDiagnosticsAsync(fixedDocument, fixable).ConfigureAwait(false))
            .Where(d => !AllowedRemainingIds.Contains(d.Id))
            .ToList();
        if (remaining.Count > 0)
        {
            Assert.Fail("Diagnostics remain after the fix:\n" + string.Join("\n", remaining) + "\n\n" + AnalyzerVerifier.Numbered(fixedText));
        }

        return fixedText;
    }

    /// <summary>
    /// Checks that the markup's diagnostics are reported and that the fix registers no action (with
    /// <see cref="EquivalenceKey"/>, when set) for any of them: the cases where a rewrite would not compile or would
    /// change the meaning.
    /// </summary>
    public async Task VerifyNotOfferedAsync(string markup)
    {
        var fix = Fix ?? throw new InvalidOperationException("No code fix under test.");
        await new AnalyzerVerifier { Analyzers = Analyzers, DefaultId = DefaultId }.RunAsync(markup).ConfigureAwait(false);
        var (source, _) = Markup.Parse(markup, DefaultId);
        using var workspace = new AdhocWorkspace();
        var document = workspace.CurrentSolution
            .AddProject("TestProject", "TestProject", LanguageNames.CSharp)
            .WithCompilationOptions(TestCompilation.Options)
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithMetadataReferences(TestCompilation.References)
            .AddDocument("Test0.cs", SourceText.From(source), filePath: TestCompilation.SourcePath);
        var diagnostics = await FixableDiagnosticsAsync(document, fix.FixableDiagnosticIds.ToHashSet(StringComparer.Ordinal)).ConfigureAwait(false);
        Assert.NotEmpty(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None)).ConfigureAwait(false);
            var offered = Flatten(actions).Where(a => EquivalenceKey is null || a.EquivalenceKey == EquivalenceKey).ToList();
            Assert.True(offered.Count == 0, $"{fix.GetType().Name} offered '{offered.FirstOrDefault()?.Title}' for {diagnostic}");
        }
    }

    private async Task<List<Diagnostic>> FixableDiagnosticsAsync(Document document, HashSet<string> fixable)
    {
        var compilation = (await document.Project.GetCompilationAsync().ConfigureAwait(false))!;
        var run = await AnalyzerRunner.RunAsync(compilation, Analyzers).ConfigureAwait(false);
        if (run.AnalyzerFailures.Count > 0)
        {
            Assert.Fail("Analyzer failures:\n" + string.Join("\n", run.AnalyzerFailures));
        }

        return run.Diagnostics.Where(d => fixable.Contains(d.Id) && d.Location.SourceTree?.FilePath == document.FilePath).ToList();
    }

#if ROSLYN4_8
    // Roslyn 4.8 keeps CodeAction.NestedActions internal; ParallelGen's fixes register flat actions.
    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) => actions;
#else
    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
        actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? new[] { a } : Flatten(a.NestedActions));
#endif

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    private static string FirstDifference(string expected, string actual)
    {
        var e = Normalize(expected).Split('\n');
        var a = Normalize(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "(none)";
    }
}
