using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Analyzers;
using ParallelGen.Analyzers.AutoParallel;

namespace ParallelGen.CodeFixes.AutoParallel;

/// <summary>
/// Applies any number of PG0200/PG0201 fixes to a solution at once, as one fix or as Fix All: every loop is rewritten
/// (<see cref="LoopRewriter"/>), and for PG0201 every method it calls gets <c>[Parallelizable]</c> and its types
/// <c>partial</c> (<see cref="Declarations"/>). The edits of one document are made in one pass over its original tree,
/// so fixes that touch the same type or file never conflict.
/// </summary>
internal static class AutoParallelEdits
{
    private const string ParallelGenNamespace = "ParallelGen";

    public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var edits = new Dictionary<DocumentId, DocumentEdits>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree || Find(solution, tree) is not { } document
                || !diagnostic.Properties.TryGetValue(LoopShape.WrapperProperty, out var wrapper) || wrapper is null)
            {
                continue;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var loop = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf()
                .FirstOrDefault(n => n is ForEachStatementSyntax or ForStatementSyntax) as StatementSyntax;
            if (model is null || loop is null || LoopShape.Match(loop, model, cancellationToken) is not { } match)
            {
                continue;
            }

            var (statement, usesLinq, usesSystem) = LoopRewriter.Rewrite(match, wrapper, model);
            var loopEdits = For(edits, document.Id);
            loopEdits.Replacements[loop] = statement;
            loopEdits.UsesLinq |= usesLinq && !Imports(model, loop.SpanStart, "Enumerable", "System.Linq");
            loopEdits.UsesSystem |= usesSystem && !Imports(model, loop.SpanStart, "Math", "System");

            if (diagnostic.Id == DiagnosticIds.LoopCanBeParallelized)
            {
                await AnnotateAsync(solution, edits, match.Method.OriginalDefinition, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var pair in edits)
        {
            var document = solution.GetDocument(pair.Key)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            solution = solution.WithDocumentSyntaxRoot(pair.Key, pair.Value.Apply(root));
        }

        return solution;
    }

    /// <summary>Whether <paramref name="type"/> of <paramref name="ns"/> is in scope at <paramref name="position"/> (a using or global using).</summary>
    private static bool Imports(SemanticModel model, int position, string type, string ns) =>
        model.LookupNamespacesAndTypes(position, name: type).Any(s => s.ContainingNamespace?.ToDisplayString() == ns);

    private static async Task AnnotateAsync(Solution solution, Dictionary<DocumentId, DocumentEdits> edits, IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration && Find(solution, reference.SyntaxTree) is { } document)
            {
                var methodEdits = For(edits, document.Id);
                methodEdits.Methods.Add(declaration);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                methodEdits.UsesParallelGen |= model is null || !Imports(model, declaration.SpanStart, "ParallelizableAttribute", ParallelGenNamespace);
            }
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && Find(solution, reference.SyntaxTree) is { } document)
                {
                    For(edits, document.Id).Types.Add(declaration);
                }
            }
        }
    }

    /// <summary>The editable document of <paramref name="tree"/>; null for generated code (a generator's part of a partial type).</summary>
    private static Document? Find(Solution solution, SyntaxTree tree)
    {
        var document = solution.GetDocument(tree)
            ?? solution.Projects.SelectMany(p => p.Documents).FirstOrDefault(d => d.FilePath is not null && d.FilePath == tree.FilePath);
        return document is not null && solution.GetDocument(document.Id) is not null ? document : null;
    }

    private static DocumentEdits For(Dictionary<DocumentId, DocumentEdits> edits, DocumentId id)
    {
        if (!edits.TryGetValue(id, out var documentEdits))
        {
            documentEdits = new DocumentEdits();
            edits.Add(id, documentEdits);
        }

        return documentEdits;
    }

    /// <summary>The usings the fix added to a file that had none, each on its line, then a blank line before the code.</summary>
    private static CompilationUnitSyntax SeparateUsings(CompilationUnitSyntax unit, string eol)
    {
        var usings = unit.Usings;
        var list = new List<UsingDirectiveSyntax>();
        for (var i = 0; i < usings.Count; i++)
        {
            var trailing = i == usings.Count - 1
                ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(eol), SyntaxFactory.EndOfLine(eol))
                : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(eol));
            list.Add(usings[i].WithTrailingTrivia(trailing));
        }

        return unit.WithUsings(SyntaxFactory.List(list));
    }

    /// <summary>What changes in one document, found on its original tree and applied in one <c>ReplaceNodes</c>.</summary>
    private sealed class DocumentEdits
    {
        public Dictionary<SyntaxNode, StatementSyntax> Replacements { get; } = new();

        public HashSet<MethodDeclarationSyntax> Methods { get; } = new();

        public HashSet<TypeDeclarationSyntax> Types { get; } = new();

        public bool UsesLinq { get; set; }

        public bool UsesSystem { get; set; }

        public bool UsesParallelGen { get; set; }

        public SyntaxNode Apply(SyntaxNode root)
        {
            var eol = LoopRewriter.EndOfLine(root);
            var nodes = Replacements.Keys.Concat(Methods).Concat(Types).Where(n => n.SyntaxTree == root.SyntaxTree).ToList();
            var changed = root.ReplaceNodes(nodes, (original, rewritten) => original switch
            {
                _ when Replacements.TryGetValue(original, out var statement) => statement,
                MethodDeclarationSyntax method when Methods.Contains(method) => Declarations.AddAttribute((MethodDeclarationSyntax)rewritten, eol),
                TypeDeclarationSyntax type when Types.Contains(type) => Declarations.AddPartial((TypeDeclarationSyntax)rewritten),
                _ => rewritten,
            });

            var hadUsings = root is CompilationUnitSyntax { Usings.Count: > 0 };
            if (UsesSystem)
            {
                changed = Usings.Ensure(changed, "System");
            }

            if (UsesLinq)
            {
                changed = Usings.Ensure(changed, "System.Linq");
            }

            if (UsesParallelGen)
            {
                changed = Usings.Ensure(changed, ParallelGenNamespace);
            }

            return !hadUsings && changed is CompilationUnitSyntax { Usings.Count: > 0 } unit ? SeparateUsings(unit, eol) : changed;
        }
    }
}
