using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ParallelGen.CodeFixes.AutoParallel;

/// <summary>
/// Fix All for PG0200/PG0201 in a document, project or solution: gathers the diagnostics of the scope and applies them
/// together with <see cref="AutoParallelEdits"/>, so that two loops calling methods of the same type, or a loop in the
/// file that declares the method, make one consistent edit (a batch merge of separate fixes would drop the overlaps).
/// </summary>
internal sealed class AutoParallelFixAll : FixAllProvider
{
    public static AutoParallelFixAll Instance { get; } = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var diagnostics = new List<Diagnostic>();
        switch (fixAllContext.Scope)
        {
            case FixAllScope.Document when fixAllContext.Document is not null:
                diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (var project in fixAllContext.Solution.Projects)
                {
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
            default:
                return null;
        }

        var ids = fixAllContext.DiagnosticIds;
        var fixable = diagnostics.Where(d => ids.Contains(d.Id)).ToList();
        if (fixable.Count == 0)
        {
            return null;
        }

        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Run these loops through the generated map wrappers",
            ct => AutoParallelEdits.ApplyAsync(solution, fixable, ct),
            fixAllContext.CodeActionEquivalenceKey);
    }
}
