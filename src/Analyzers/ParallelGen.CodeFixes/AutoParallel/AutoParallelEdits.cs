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
            diagnostic.Properties.TryGetValue(LoopShape.ExtractProperty, out var extracted);
            if (model is null || loop is null || LoopShape.Match(loop, model, cancellationToken, extract: extracted is not null) is not { } match)
            {
                continue;
            }

            var (statement, usesLinq, usesSystem) = LoopRewriter.Rewrite(match, wrapper, model);
            var loopEdits = For(edits, document.Id);
            loopEdits.Replacements[loop] = statement;
            loopEdits.UsesLinq |= usesLinq && !Imports(model, loop.SpanStart, "Enumerable", "System.Linq");
            loopEdits.UsesSystem |= usesSystem && !Imports(model, loop.SpanStart, "Math", "System");

            if (diagnostic.Id != DiagnosticIds.LoopCanBeParallelized)
            {
                continue;
            }

            if (extracted is not null)
            {
                Extract(loopEdits, match, extracted, model, cancellationToken);
                loopEdits.UsesParallelGen |= !Imports(model, loop.SpanStart, "ParallelizableAttribute", ParallelGenNamespace);
            }
            else if (match.Method is { } method)
            {
                await AnnotateAsync(solution, edits, method.OriginalDefinition, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// PG0201 on an expression: a new <c>[Parallelizable] private static</c> method of the type that holds the loop, right
    /// after the member with the loop, returning the expression of its one parameter (the iteration variable); the type
    /// and its enclosing types become partial.
    /// </summary>
    private static void Extract(DocumentEdits edits, LoopMatch match, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        var holder = match.Loop.Ancestors().OfType<TypeDeclarationSyntax>().First();
        var anchor = match.Loop.Ancestors().OfType<MemberDeclarationSyntax>().First(m => m.Parent == holder);
        var position = match.Loop.SpanStart;
        var type = model.GetTypeInfo(match.Value, cancellationToken).Type!.ToMinimalDisplayString(model, position);
        // The collection's element type, not the iteration variable's: 'var' makes every reference type nullable.
        var element = match.Loop is ForEachStatementSyntax forEach ? model.GetForEachStatementInfo(forEach).ElementType : null;
        var parameterType = (element ?? match.LoopVariable.Type).ToMinimalDisplayString(model, position);
        var text = "[" + Declarations.AttributeName + "]\n" + "private static " + type + " " + name + "(" + parameterType + " " + match.LoopVariable.Name + ") => " + match.Value + ";";
        var eol = LoopRewriter.EndOfLine(holder);
        var leading = anchor.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : string.Empty;
        var member = SyntaxFactory.ParseMemberDeclaration(text.Replace("\n", eol + indentation))!
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(eol), SyntaxFactory.Whitespace(indentation))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(eol));
        edits.Inserts.Add((anchor, member));
        foreach (var enclosing in match.Loop.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            edits.Types.Add(enclosing);
        }
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

        /// <summary>New members, each to go right after an existing member of its type.</summary>
        public List<(MemberDeclarationSyntax After, MemberDeclarationSyntax Member)> Inserts { get; } = new();

        public bool UsesLinq { get; set; }

        public bool UsesSystem { get; set; }

        public bool UsesParallelGen { get; set; }

        /// <summary><paramref name="rewritten"/> with the members inserted after members of <paramref name="original"/>.</summary>
        private TypeDeclarationSyntax Insert(TypeDeclarationSyntax original, TypeDeclarationSyntax rewritten)
        {
            var members = rewritten.Members;
            foreach (var (after, member) in Inserts.Where(i => i.After.Parent == original).OrderByDescending(i => original.Members.IndexOf(i.After)))
            {
                members = members.Insert(original.Members.IndexOf(after) + 1, member);
            }

            return rewritten.WithMembers(members);
        }

        public SyntaxNode Apply(SyntaxNode root)
        {
            var eol = LoopRewriter.EndOfLine(root);
            var nodes = Replacements.Keys.Concat(Methods).Concat(Types).Where(n => n.SyntaxTree == root.SyntaxTree).ToList();
            var changed = root.ReplaceNodes(nodes, (original, rewritten) => original switch
            {
                _ when Replacements.TryGetValue(original, out var statement) => statement,
                MethodDeclarationSyntax method when Methods.Contains(method) => Declarations.AddAttribute((MethodDeclarationSyntax)rewritten, eol),
                TypeDeclarationSyntax type when Types.Contains(type) => Declarations.AddPartial(Insert(type, (TypeDeclarationSyntax)rewritten)),
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
