using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>The collecting half of <see cref="LoopShape"/>: the one statement that stores each item's value (<see cref="CollectKind"/>).</summary>
internal static partial class LoopShape
{
    /// <summary>The collecting statement: a list <c>Add</c>, an array or dictionary store, a sum, or a discarded call.</summary>
    private static bool MatchCollect(
        ExpressionSyntax statement,
        SemanticModel model,
        ILocalSymbol variable,
        bool isFor,
        CancellationToken cancellationToken,
        out CollectKind kind,
        out ExpressionSyntax? value,
        out ExpressionSyntax? target,
        out ISymbol? targetSymbol,
        out ExpressionSyntax? key)
    {
        kind = CollectKind.Discard;
        value = statement;
        target = null;
        targetSymbol = null;
        key = null;
        switch (statement)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: var list }, ArgumentList.Arguments: { Count: 1 } arguments }
                when arguments[0].RefKindKeyword.IsKind(SyntaxKind.None) && arguments[0].NameColon is null:
                kind = CollectKind.ListAdd;
                value = arguments[0].Expression;
                target = list;
                break;
            case InvocationExpressionSyntax or AwaitExpressionSyntax:
                return true;
            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } index } element } assignment:
                value = assignment.Right;
                target = element.Expression;
                key = index[0].Expression;
                var isArray = model.GetTypeInfo(target, cancellationToken).Type is IArrayTypeSymbol { Rank: 1 };
                if (isFor && isArray && key is IdentifierNameSyntax id && id.Identifier.ValueText == variable.Name)
                {
                    kind = CollectKind.ArrayStore;
                }
                else if (!isFor && !isArray)
                {
                    kind = CollectKind.DictionaryStore;
                }
                else
                {
                    return false;
                }

                break;
            case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression } accumulate:
                kind = CollectKind.Accumulate;
                value = accumulate.Right;
                target = accumulate.Left;
                break;
            default:
                return false;
        }

        if (!IsStorage(target) || Mentions(target, variable, model, cancellationToken))
        {
            return false;
        }

        targetSymbol = model.GetSymbolInfo(target, cancellationToken).Symbol;
        return targetSymbol is ILocalSymbol { RefKind: RefKind.None } or IParameterSymbol { RefKind: RefKind.None } or IFieldSymbol
            && !Mentions(value, targetSymbol, model, cancellationToken)
            && (key is null || kind == CollectKind.ArrayStore || (IsPlainExpression(key) && !Mentions(key, targetSymbol, model, cancellationToken)));
    }

    /// <summary>Whether the collecting statement takes the value as it is: same element type, a numeric or string sum.</summary>
    private static bool Collects(CollectKind kind, ISymbol? target, ITypeSymbol? valueType, SemanticModel model, ExpressionSyntax? targetSyntax, CancellationToken cancellationToken)
    {
        if (kind == CollectKind.Discard)
        {
            return true;
        }

        var targetType = targetSyntax is null ? null : model.GetTypeInfo(targetSyntax, cancellationToken).Type;
        if (valueType is null || targetType is null || target is null)
        {
            return false;
        }

        return kind switch
        {
            CollectKind.ListAdd => IsGeneric(targetType, "List", 1) && Same(((INamedTypeSymbol)targetType).TypeArguments[0], valueType),
            CollectKind.ArrayStore => Same(((IArrayTypeSymbol)targetType).ElementType, valueType),
            CollectKind.DictionaryStore => IsGeneric(targetType, "Dictionary", 2) && Same(((INamedTypeSymbol)targetType).TypeArguments[1], valueType),
            CollectKind.Accumulate => target is not IParameterSymbol
                && (targetType.SpecialType == SpecialType.System_String
                    || (Same(targetType, valueType) && targetType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal)),
            _ => false,
        };
    }

    /// <summary>An array or <c>List&lt;T&gt;</c> named by a variable: enumerating it twice yields the same items.</summary>
    private static bool IsStable(ExpressionSyntax collection, SemanticModel model, CancellationToken cancellationToken) =>
        IsStorage(collection)
        && model.GetSymbolInfo(collection, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol
        && model.GetTypeInfo(collection, cancellationToken).Type is { } type
        && (type is IArrayTypeSymbol { Rank: 1 } || IsGeneric(type, "List", 1));
}
