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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// PG0101/PG0102 (and PG0100 for a captured counter): <c>counter++</c>, <c>--counter</c>, <c>total += x</c> and
/// <c>total -= x</c> on a shared <c>int</c>/<c>long</c> (or <c>uint</c>/<c>ulong</c>) variable become the matching
/// <see cref="System.Threading.Interlocked"/> call, which keeps the value the expression had.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseInterlockedCodeFix)), Shared]
public sealed class UseInterlockedCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the action.</summary>
    public const string Key = "ParallelGen.UseInterlocked";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.StaticMemberWritten,
        DiagnosticIds.InstanceFieldWritten,
        DiagnosticIds.CapturedVariableWritten);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var write = FindWrite(root.FindNode(context.Span, getInnermostNodeForTie: true));
        if (write is null || Rewrite(write, model, context.CancellationToken) is not { } replacement)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use Interlocked",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(Usings.Ensure(root.ReplaceNode(write, replacement), "System.Threading"))),
                Key),
            context.Diagnostics);
    }

    private static ExpressionSyntax? FindWrite(SyntaxNode node)
    {
        foreach (var n in node.AncestorsAndSelf())
        {
            switch (n)
            {
                case PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) || p.IsKind(SyntaxKind.PostDecrementExpression):
                    return p;
                case PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression):
                    return p;
                case AssignmentExpressionSyntax a when a.IsKind(SyntaxKind.AddAssignmentExpression) || a.IsKind(SyntaxKind.SubtractAssignmentExpression):
                    return a;
                case StatementSyntax or LambdaExpressionSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static ExpressionSyntax? Rewrite(ExpressionSyntax write, SemanticModel model, CancellationToken ct)
    {
        var (target, kind) = write switch
        {
            PostfixUnaryExpressionSyntax p => (p.Operand, p.Kind()),
            PrefixUnaryExpressionSyntax p => (p.Operand, p.Kind()),
            AssignmentExpressionSyntax a => (a.Left, a.Kind()),
            _ => (null!, SyntaxKind.None),
        };
        if (!CanPassByRef(model.GetSymbolInfo(target, ct).Symbol, out var type))
        {
            return null;
        }

        var signed = type is SpecialType.System_Int32 or SpecialType.System_Int64;
        var variable = target.WithoutTrivia().ToString();
        var valueUsed = write.Parent is not ExpressionStatementSyntax && write.Parent is not ForStatementSyntax;
        string? text = kind switch
        {
            SyntaxKind.PreIncrementExpression => $"Interlocked.Increment(ref {variable})",
            SyntaxKind.PreDecrementExpression => $"Interlocked.Decrement(ref {variable})",
            // A postfix expression's value is the old one.
            SyntaxKind.PostIncrementExpression => valueUsed ? $"(Interlocked.Increment(ref {variable}) - 1)" : $"Interlocked.Increment(ref {variable})",
            SyntaxKind.PostDecrementExpression => valueUsed ? $"(Interlocked.Decrement(ref {variable}) + 1)" : $"Interlocked.Decrement(ref {variable})",
            SyntaxKind.AddAssignmentExpression => $"Interlocked.Add(ref {variable}, {Right(write)})",
            SyntaxKind.SubtractAssignmentExpression when signed => $"Interlocked.Add(ref {variable}, -{Operand(Right(write))})",
            _ => null,
        };
        return text is null ? null : ParseExpression(text).WithTriviaFrom(write);
    }

    private static ExpressionSyntax Right(ExpressionSyntax write) => ((AssignmentExpressionSyntax)write).Right.WithoutTrivia();

    private static string Operand(ExpressionSyntax e) =>
        e is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? e.ToString()
            : "(" + e + ")";

    private static bool CanPassByRef(ISymbol? symbol, out SpecialType type)
    {
        type = SpecialType.None;
        var (variableType, ok) = symbol switch
        {
            IFieldSymbol { IsReadOnly: false, IsConst: false } f => (f.Type, true),
            ILocalSymbol { IsConst: false, RefKind: RefKind.None } l => (l.Type, true),
            IParameterSymbol { RefKind: RefKind.None or RefKind.Ref } p => (p.Type, true),
            _ => (null, false),
        };
        if (!ok || variableType is null)
        {
            return false;
        }

        type = variableType.SpecialType;
        return type is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64;
    }
}
