using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Cheap syntactic filters run before any semantic question, so that only members that may start workers, call a
/// generated wrapper or carry [Parallelizable] are bound: asking the semantic model about a node binds its whole member.
/// </summary>
internal static class LauncherSyntax
{
    /// <summary>Whether the invocation may start workers: a launcher's name, or a call chained on AsParallel().</summary>
    public static bool MayLaunch(InvocationExpressionSyntax invocation)
    {
        if (invocation.ArgumentList.Arguments.Count == 0)
        {
            return false;
        }

        switch (Name(invocation.Expression))
        {
            case "For" or "ForEach" or "ForEachAsync" or "Invoke" or "Run" or "StartNew" or "QueueUserWorkItem"
                or "UnsafeQueueUserWorkItem" or "Submit" or "Map" or "AsCompleted" or "Sync" or "Async":
                return true;
        }

        // PLINQ: an operator chained on AsParallel() or ParallelEnumerable.
        var receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
        for (var depth = 0; receiver is not null && depth < 16; depth++)
        {
            switch (receiver)
            {
                case InvocationExpressionSyntax inner:
                    if (Name(inner.Expression) is "AsParallel" or "WithDegreeOfParallelism" or "WithCancellation" or "WithExecutionMode" or "WithMergeOptions")
                    {
                        return true;
                    }

                    receiver = (inner.Expression as MemberAccessExpressionSyntax)?.Expression;
                    break;
                case IdentifierNameSyntax { Identifier.ValueText: "ParallelEnumerable" }:
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the invocation may call a launcher helper of the compilation: it passes a lambda or anonymous method and
    /// its name is the name of one of the compilation's members (<paramref name="isMemberName"/>).
    /// </summary>
    public static bool MayCallHelper(InvocationExpressionSyntax invocation, Func<string, bool> isMemberName)
    {
        var hasLambda = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is AnonymousFunctionExpressionSyntax)
            {
                hasLambda = true;
                break;
            }
        }

        return hasLambda && Name(invocation.Expression) is { } name && isMemberName(name);
    }

    /// <summary>Whether a query expression may run in parallel: its source calls AsParallel.</summary>
    public static bool MayBeParallelQuery(QueryExpressionSyntax query)
    {
        foreach (var node in query.FromClause.Expression.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax invocation && Name(invocation.Expression) == "AsParallel")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the object creation may be <c>new Thread(...)</c> or <c>new Task(...)</c>.</summary>
    public static bool MayLaunch(ObjectCreationExpressionSyntax creation) =>
        creation.ArgumentList is { Arguments.Count: > 0 } && Name(creation.Type) is "Thread" or "Task";

    /// <summary>Whether the invocation may call a generated wrapper (XMap, XMapAsync, XSubmit, XAsCompleted).</summary>
    public static bool MayCallWrapper(InvocationExpressionSyntax invocation) =>
        Name(invocation.Expression) is { } name && ParallelizableNames.TrySplitWrapperName(name, out _, out _);

    /// <summary>Whether the method has an attribute that may be [Parallelizable].</summary>
    public static bool MayBeParallelizable(MethodDeclarationSyntax method)
    {
        foreach (var list in method.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (Name(attribute.Name) is { } name && name.StartsWith("Parallelizable", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The name of the method an invocation calls, from syntax (<c>Submit</c> in <c>pool.Submit(...)</c>), or null.</summary>
    public static string? InvokedName(InvocationExpressionSyntax invocation) => Name(invocation.Expression);

    private static string? Name(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
