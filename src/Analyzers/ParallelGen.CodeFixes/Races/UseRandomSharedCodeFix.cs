using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using ParallelGen.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// PG0104: calls on a shared <see cref="System.Random"/> go to the thread-safe <c>Random.Shared</c> instead (.NET 6+).
/// Every <c>rng.Next(...)</c>-style use in the file changes; when nothing else uses the variable, its declaration
/// (and any plain <c>rng = new Random(...)</c> assignment) goes too. A seeded sequence is not kept: Random.Shared
/// cannot be seeded.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseRandomSharedCodeFix)), Shared]
public sealed class UseRandomSharedCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "ParallelGen.UseRandomShared";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SharedRandom);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var ct = context.CancellationToken;
        var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var receiver = root is null ? null : SharedVariable.FindReceiver(root.FindNode(context.Span, getInnermostNodeForTie: true));
        var random = model?.Compilation.GetTypeByMetadataName("System.Random");
        if (model is null || receiver is null || random is null || random.GetMembers("Shared").IsEmpty
            || await SharedVariable.ResolveAsync(context.Document, model, receiver, ct).ConfigureAwait(false) is not { } variable
            || !SymbolEqualityComparer.Default.Equals(variable.Type, random))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Use Random.Shared", c => ApplyAsync(context.Document, variable, c), Key),
            context.Diagnostics);
    }

    private static async Task<Document> ApplyAsync(Document document, SharedVariable variable, CancellationToken ct)
    {
        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
        var others = 0;
        foreach (var use in variable.Uses)
        {
            if (SharedVariable.AccessedMember(use) is not null)
            {
                editor.ReplaceNode(use, ParseExpression("Random.Shared").WithTriviaFrom(use));
            }
            else if (use.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } assignment
                     && assignment.Left == use && assignment.Right is BaseObjectCreationExpressionSyntax)
            {
                // Removed below when nothing else reads the variable.
            }
            else
            {
                others++;
            }
        }

        if (others == 0 && variable.Declarator.Initializer?.Value is null or BaseObjectCreationExpressionSyntax)
        {
            foreach (var use in variable.Uses)
            {
                if (use.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement })
                {
                    Remove(editor, statement);
                }
            }

            SyntaxNode declaration = variable.Declaration.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax
                ? variable.Declaration.Parent
                : variable.Declaration;
            Remove(editor, declaration);
        }

        var changed = editor.GetChangedDocument();
        var root = await changed.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        return changed.WithSyntaxRoot(Usings.Ensure(root!, "System"));
    }

    /// <summary>Removes a member or statement together with the blank line that separated it from the next one.</summary>
    private static void Remove(DocumentEditor editor, SyntaxNode node)
    {
        var next = node.Parent?.ChildNodes().SkipWhile(n => n != node).Skip(1).FirstOrDefault();
        editor.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia);
        if (next is not null && next.GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia))
        {
            editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().RemoveAt(0)));
        }
    }
}
