using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ParallelGen.Analyzers.AutoParallel;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.AutoParallel;
using ParallelGen.Generator;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>
/// Checks PG0200/PG0201 as a user's build sees them: the project runs the ParallelGen generator (the wrappers exist,
/// and the fixed code compiles only because the generator runs again on it). Expected diagnostics are marked in the
/// source; the fix is applied one diagnostic at a time and as Fix All (solution scope, as <c>dotnet format</c> does),
/// both must give the expected text, which must compile without errors or warnings, raise no ParallelGen warning, and
/// — when the source has <c>static string Check.Run()</c> — return what the original returned.
/// </summary>
internal static class AutoParallelVerifier
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new AutoParallelAnalyzer());

    private static readonly string[] s_ids = { "PG0200", "PG0201" };

    /// <summary>Verifies the markup's diagnostics, then both ways of fixing, against <paramref name="expected"/>.</summary>
    public static async Task VerifyFixAsync(string markup, string expected, params string[] otherSources)
    {
        var (source, marked) = Markup.Parse(markup);
        var project = CreateProject(source, otherSources);
        var diagnostics = await DiagnosticsAsync(project);
        AssertSame(marked, diagnostics, source);

        var oneByOne = await FixOneByOneAsync(project);
        AssertText(expected, await TextAsync(oneByOne));
        var fixAll = await FixAllAsync(project, diagnostics);
        AssertText(expected, await TextAsync(fixAll));

        var compilation = (await fixAll.Projects.Single().GetCompilationAsync())!;
        Assert.True(compilation.SyntaxTrees.Count() > project.Documents.Count(), "The generator produced no source for the fixed code.");
        AssertClean(compilation);
        var after = await AnalyzerRunner.RunAsync(compilation, AllAnalyzers.Create());
        Assert.Empty(after.AnalyzerFailures);
        Assert.Empty(after.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || s_ids.Contains(d.Id)));

        var before = (await project.GetCompilationAsync())!;
        if (before.GetTypeByMetadataName("Check") is not null)
        {
            Assert.Equal(await RunAsync(before), await RunAsync(compilation));
        }
    }

    /// <summary>Verifies that the analyzer reports exactly the markup's diagnostics (none, for an unmarked source).</summary>
    public static async Task VerifyAsync(string markup, params string[] otherSources)
    {
        var (source, marked) = Markup.Parse(markup);
        var project = CreateProject(source, otherSources);
        AssertSame(marked, await DiagnosticsAsync(project), source);
    }

    private static Project CreateProject(string source, string[] otherSources)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("TestProject", "TestProject", LanguageNames.CSharp)
            .WithCompilationOptions(TestCompilation.Options)
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithMetadataReferences(TestCompilation.References)
            .AddAnalyzerReference(new GeneratorReference());
        project = project.AddDocument("Test0.cs", SourceText.From(source), filePath: TestCompilation.SourcePath).Project;
        for (var i = 0; i < otherSources.Length; i++)
        {
            project = project.AddDocument($"Test{i + 1}.cs", SourceText.From(otherSources[i]), filePath: TestCompilation.PathOf(i + 1)).Project;
        }

        return project;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(TestCompilation.Errors(compilation));
        var run = await AnalyzerRunner.RunAsync(compilation, s_analyzer);
        Assert.Empty(run.AnalyzerFailures);
        return run.Diagnostics.Where(d => s_ids.Contains(d.Id)).ToImmutableArray();
    }

    private static void AssertSame(IReadOnlyList<ExpectedDiagnostic> marked, ImmutableArray<Diagnostic> actual, string source)
    {
        var expected = marked.Select(d => $"{d.Id}@{d.Span}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        var reported = actual.Where(d => d.Location.SourceTree?.FilePath == TestCompilation.SourcePath)
            .Select(d => $"{d.Id}@{d.Location.SourceSpan}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(reported), $"Expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]\n{AnalyzerVerifier.Numbered(source)}");
        Assert.All(actual, d => Assert.Equal(TestCompilation.SourcePath, d.Location.SourceTree?.FilePath));
    }

    private static async Task<Solution> FixOneByOneAsync(Project project)
    {
        var fix = new AutoParallelCodeFix();
        var solution = project.Solution;
        for (var i = 0; i < 32; i++)
        {
            var current = solution.GetProject(project.Id)!;
            var diagnostics = await DiagnosticsAsync(current);
            if (diagnostics.IsEmpty)
            {
                return solution;
            }

            var document = current.Documents.Single(d => d.FilePath == diagnostics[0].Location.SourceTree!.FilePath);
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (a, _) => actions.Add(a), CancellationToken.None));
            Assert.True(actions.Count == 1, $"Expected one action for {diagnostics[0]}, got {actions.Count}.");
            solution = await ApplyAsync(actions[0]);
        }

        throw new InvalidOperationException("The fix did not converge.");
    }

    private static async Task<Solution> FixAllAsync(Project project, ImmutableArray<Diagnostic> diagnostics)
    {
        var fix = new AutoParallelCodeFix();
        var provider = fix.GetFixAllProvider();
        Assert.Contains(FixAllScope.Solution, provider.GetSupportedFixAllScopes());
        var solution = project.Solution;
        foreach (var id in s_ids.Where(id => diagnostics.Any(d => d.Id == id)))
        {
            var current = solution.GetProject(project.Id)!;
            var currentDiagnostics = await DiagnosticsAsync(current);
            var context = new FixAllContext(
                current.Documents.First(),
                fix,
                FixAllScope.Solution,
                null,
                new[] { id },
                new FixedDiagnostics(currentDiagnostics),
                CancellationToken.None);
            var action = await provider.GetFixAsync(context);
            if (action is not null)
            {
                solution = await ApplyAsync(action);
            }
        }

        return solution;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static async Task<string> TextAsync(Solution solution)
    {
        var document = solution.Projects.Single().Documents.Single(d => d.FilePath == TestCompilation.SourcePath);
        return (await document.GetTextAsync()).ToString();
    }

    private static void AssertText(string expected, string actual)
    {
        static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        Assert.True(Normalize(expected) == Normalize(actual), $"The fixed code differs.\n--- expected ---\n{expected}\n--- actual ---\n{actual}");
    }

    private static void AssertClean(Compilation compilation)
    {
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The fixed code has errors or warnings:\n" + string.Join("\n", problems)
            + "\n\n" + string.Join("\n----\n", compilation.SyntaxTrees.Where(t => !t.FilePath.Contains("Generator", StringComparison.Ordinal)).Select(t => AnalyzerVerifier.Numbered(t.ToString()))));
    }

    /// <summary>Emits <paramref name="compilation"/>, loads it apart and returns what <c>Check.Run()</c> returns.</summary>
    private static async Task<string> RunAsync(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("AutoParallel" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var check = context.LoadFromStream(stream).GetType("Check", throwOnError: true)!;
            var result = check.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
            return result is Task<string> task ? await task.WaitAsync(TimeSpan.FromSeconds(60)) : (string)result!;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The generator as an analyzer reference, so the workspace's compilations include its output.</summary>
    private sealed class GeneratorReference : AnalyzerReference
    {
        public override string? FullPath => null;

        public override object Id => nameof(ParallelizableGenerator);

        public override string Display => nameof(ParallelizableGenerator);

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        private static readonly ImmutableArray<ISourceGenerator> s_generators = ImmutableArray.Create(new ParallelizableGenerator().AsSourceGenerator());

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) => s_generators;

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => GetGenerators(LanguageNames.CSharp);
    }

    /// <summary>The diagnostics computed before the Fix All, as <c>dotnet format</c> hands them over.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(Enumerable.Empty<Diagnostic>());
    }
}
