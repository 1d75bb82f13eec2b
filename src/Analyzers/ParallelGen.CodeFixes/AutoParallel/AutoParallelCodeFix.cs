using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ParallelGen.Analyzers;
using ParallelGen.Analyzers.AutoParallel;

namespace ParallelGen.CodeFixes.AutoParallel;

/// <summary>
/// PG0200 and PG0201: rewrites the loop to one call of the generated map wrapper (PG0201 first marks the method
/// <c>[Parallelizable]</c> and its types <c>partial</c>). Fix All, in a document, project or solution, goes through
/// <see cref="AutoParallelFixAll"/>, which is what <c>dotnet format analyzers --diagnostics PG0200 PG0201</c> uses.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AutoParallelCodeFix)), Shared]
public sealed class AutoParallelCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of PG0200's action.</summary>
    public const string UseMapKey = "ParallelGen.UseMap";

    /// <summary>The equivalence key of PG0201's action.</summary>
    public const string ParallelizeKey = "ParallelGen.ParallelizeLoop";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LoopCallsParallelizable, DiagnosticIds.LoopCanBeParallelized);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => AutoParallelFixAll.Instance;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(LoopShape.WrapperProperty, out var wrapper) || wrapper is null)
            {
                continue;
            }

            var annotate = diagnostic.Id == DiagnosticIds.LoopCanBeParallelized;
            var title = annotate ? $"Mark the method [Parallelizable] and call '{wrapper}'" : $"Call '{wrapper}' instead of the loop";
            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AutoParallelEdits.ApplyAsync(solution, new[] { diagnostic }, ct), annotate ? ParallelizeKey : UseMapKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
