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
using ParallelGen.Analyzers;
using ParallelGen.Analyzers.Races.Windows;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// PG0108: waits for the worker before the starting code touches its state — inserts <c>await t;</c> (in an async
/// function), <c>t.Wait();</c> or <c>t.Join();</c> before the statement that makes the access. Offered only when the
/// worker's task or thread is held in a local and the access is a statement of a block; inside a <c>lock</c> the
/// blocking form is used, since <c>await</c> is not allowed there. The later wait stays (waiting twice is harmless).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WaitForWorkerCodeFix)), Shared]
public sealed class WaitForWorkerCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "ParallelGen.WaitForWorker";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.StartingCodeRace);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics.First();
        if (!diagnostic.Properties.TryGetValue(FixProperties.WaitStatement, out var wait) || wait is null
            || !diagnostic.Properties.TryGetValue(FixProperties.BlockingWait, out var blocking) || blocking is null)
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var statement = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>(s => s.Parent is BlockSyntax);
        if (root is null || statement is null)
        {
            return;
        }

        var insideLock = statement.Ancestors().TakeWhile(a => a is not (MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).Any(a => a is LockStatementSyntax);
        var text = insideLock ? blocking : wait;
        context.RegisterCodeFix(
            CodeAction.Create($"Wait for the worker first ({text})", c => InsertAsync(context.Document, root, statement, text, c), Key),
            diagnostic);
    }

    private static Task<Document> InsertAsync(Document document, SyntaxNode root, StatementSyntax statement, string text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // "await t;" parses as a declaration outside an async context: build it as an await expression.
        StatementSyntax parsed = text.StartsWith("await ", System.StringComparison.Ordinal)
            ? SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(SyntaxFactory.ParseExpression(text.Substring(6).TrimEnd(';'))))
            : SyntaxFactory.ParseStatement(text);
        var wait = parsed
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        return Task.FromResult(document.WithSyntaxRoot(root.InsertNodesBefore(statement, new[] { wait })));
    }
}
