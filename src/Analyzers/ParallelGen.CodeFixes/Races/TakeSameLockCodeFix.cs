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
using Microsoft.CodeAnalysis.Formatting;
using ParallelGen.Analyzers;
using ParallelGen.Analyzers.Races.Windows;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// PG0108 and PG0109: the reported access holds no lock while the access it races with holds one: wraps the statement
/// that makes the reported access in <c>lock</c> on the same object, so the two exclude each other. Offered only when
/// the analyzer found a plain lock object (an <see cref="object"/> or a <c>System.Threading.Lock</c>) that can be named
/// at the access, and the access is an expression statement of a block with no <c>await</c> (not allowed inside
/// <c>lock</c>); a declaration is never wrapped, since its variable would leave scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TakeSameLockCodeFix)), Shared]
public sealed class TakeSameLockCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "ParallelGen.TakeSameLock";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.StartingCodeRace, DiagnosticIds.ConcurrentLaunchRace);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.TryGetValue(FixProperties.LockWith, out var name) || string.IsNullOrEmpty(name))
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var statement = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>();
        if (root is null || statement is not ExpressionStatementSyntax { Parent: BlockSyntax } expression
            || expression.DescendantNodes().Any(n => n is AwaitExpressionSyntax))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Take lock '{name}' as the other side does", c => WrapAsync(context.Document, root, expression, name!, c), Key),
            diagnostic);
    }

    private static Task<Document> WrapAsync(Document document, SyntaxNode root, ExpressionStatementSyntax statement, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var locked = SyntaxFactory.LockStatement(
                SyntaxFactory.IdentifierName(name),
                SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(statement, locked)));
    }
}
