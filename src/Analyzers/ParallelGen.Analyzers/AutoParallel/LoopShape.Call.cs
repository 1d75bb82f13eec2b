using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>The call half of <see cref="LoopShape"/>: the one method called per item, its arguments and its receiver.</summary>
internal static partial class LoopShape
{
    /// <summary>The per-item value as one call of an ordinary method (awaited when it returns a task).</summary>
    private static bool MatchCall(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken, out InvocationExpressionSyntax? call, out IMethodSymbol? method, out bool awaited, out ITypeSymbol? valueType)
    {
        awaited = value is AwaitExpressionSyntax;
        call = (awaited ? ((AwaitExpressionSyntax)value).Expression : value) as InvocationExpressionSyntax;
        method = call is null ? null : model.GetSymbolInfo(call, cancellationToken).Symbol as IMethodSymbol;
        valueType = null;
        if (method is not { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, IsExtensionMethod: false, ReturnsByRef: false, ReturnsByRefReadonly: false }
            || call!.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax }))
        {
            return false;
        }

        var returnsTask = WrapperPrefix.ReturnsTask(method);
        if (awaited != returnsTask)
        {
            return false; // a task collected without await, or an await of something else
        }

        valueType = returnsTask
            ? (method.ReturnType is INamedTypeSymbol { TypeArguments.Length: 1 } task ? task.TypeArguments[0] : null)
            : (method.ReturnsVoid ? null : method.ReturnType);
        return true;
    }

    private static bool SplitArguments(InvocationExpressionSyntax call, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken, out ImmutableArray<ExpressionSyntax> items, out ExpressionSyntax? token)
    {
        items = ImmutableArray<ExpressionSyntax>.Empty;
        token = null;
        var parameters = method.Parameters;
        var arguments = call.ArgumentList.Arguments;
        var hasToken = parameters.Length > 0 && IsCancellationToken(parameters[parameters.Length - 1].Type);
        var itemCount = hasToken ? parameters.Length - 1 : parameters.Length;
        if (itemCount == 0 || (arguments.Count != parameters.Length && !(hasToken && arguments.Count == itemCount)))
        {
            return false;
        }

        var builder = ImmutableArray.CreateBuilder<ExpressionSyntax>(itemCount);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None)
                || parameters[i].RefKind != RefKind.None || parameters[i].IsParams)
            {
                return false;
            }

            if (i == itemCount)
            {
                token = argument.Expression;
                continue;
            }

            if (!Same(model.GetTypeInfo(argument.Expression, cancellationToken).Type, parameters[i].Type))
            {
                return false; // the tuple of items must have the parameters' types exactly
            }

            builder.Add(argument.Expression);
        }

        items = builder.MoveToImmutable();
        return true;
    }

    /// <summary>No writes, lambdas or nested awaits inside the per-item value: each item is evaluated alone.</summary>
    private static bool IsPlain(ExpressionSyntax value, InvocationExpressionSyntax call) =>
        IsPlainExpression(value) && (value == call || value is AwaitExpressionSyntax);

    private static bool IsPlainExpression(ExpressionSyntax value)
    {
        foreach (var node in value.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax:
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                case AnonymousFunctionExpressionSyntax:
                case DeclarationExpressionSyntax:
                case StackAllocArrayCreationExpressionSyntax:
                case RefExpressionSyntax:
                case ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None }:
                case AwaitExpressionSyntax when node != value:
                case QueryExpressionSyntax:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The call's receiver is evaluated once by the wrapper: it must be a name or a chain of names, not the loop variable.</summary>
    private static bool InvariantReceiver(InvocationExpressionSyntax call, ILocalSymbol variable, SemanticModel model, CancellationToken cancellationToken)
    {
        if (call.Expression is not MemberAccessExpressionSyntax access)
        {
            return true;
        }

        return access.Expression is ThisExpressionSyntax || (IsStorage(access.Expression) && !Mentions(access.Expression, variable, model, cancellationToken)
            && model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is not IPropertySymbol and not IMethodSymbol);
    }
}
