using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>The extraction half of <see cref="LoopShape"/>: a per-item expression PG0201's fix moves into a new method.</summary>
internal static partial class LoopShape
{
    /// <summary>
    /// A <c>foreach</c> whose value is an expression of the iteration variable alone (no other local, no <c>this</c>, no
    /// write, no await) that does some work (a call or an object creation) and has a nameable type: PG0201 extracts it.
    /// </summary>
    private static LoopMatch? MatchExtraction(
        StatementSyntax loop,
        ILocalSymbol variable,
        ExpressionSyntax? collection,
        ExpressionSyntax value,
        CollectKind kind,
        ExpressionSyntax? target,
        ISymbol? targetSymbol,
        ExpressionSyntax? key,
        SemanticModel model,
        CancellationToken cancellationToken)
    {
        if (collection is null || kind == CollectKind.Discard || value is AwaitExpressionSyntax || !IsPlainExpression(value)
            || loop.Ancestors().Any(a => a is CheckedStatementSyntax or CheckedExpressionSyntax) // the new method would lose the checked context
            || !value.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            || model.GetTypeInfo(value, cancellationToken) is not { Type: { } type, ConvertedType: { } converted }
            || !Same(type, converted) || !IsNameable(type) || !IsNameable(variable.Type) || IsTask(type)
            || !Collects(kind, targetSymbol, type, model, target, cancellationToken)
            || !Mentions(value, variable, model, cancellationToken))
        {
            return null;
        }

        foreach (var node in value.DescendantNodesAndSelf())
        {
            if (node is ThisExpressionSyntax or BaseExpressionSyntax)
            {
                return null;
            }

            if (node is not IdentifierNameSyntax name || (name.Parent is MemberAccessExpressionSyntax access && access.Name == name))
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            var allowed = symbol switch
            {
                null => false,
                ILocalSymbol local => SymbolEqualityComparer.Default.Equals(local, variable),
                IParameterSymbol or IRangeVariableSymbol or ILabelSymbol => false,
                ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } => false,
                INamespaceOrTypeSymbol => true,
                IMethodSymbol { MethodKind: MethodKind.LocalFunction } => false,
                _ => symbol.IsStatic,
            };

            if (!allowed)
            {
                return null; // another variable, or a member of this object: the item would not be the only input
            }
        }

        var items = ImmutableArray.Create<ExpressionSyntax>(SyntaxFactory.IdentifierName(variable.Name));
        return new LoopMatch(loop, variable, collection, null, null, null, false, value, kind, target, targetSymbol, key, items, null);
    }

    private static bool IsTask(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>A type a new method's signature can spell: no anonymous type, pointer, ref struct or method type parameter.</summary>
    private static bool IsNameable(ITypeSymbol type) => type switch
    {
        { IsAnonymousType: true } or IPointerTypeSymbol or IFunctionPointerTypeSymbol or IErrorTypeSymbol or { IsRefLikeType: true } => false,
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } => false,
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsNameable(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.All(IsNameable),
        _ => false,
    };
}
