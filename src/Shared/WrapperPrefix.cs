using System.Linq;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared;

/// <summary>
/// The wrappers' prefix of a <c>[Parallelizable]</c> method, by the rule of <see cref="ParallelizableNames.Prefix"/>:
/// one implementation, linked as source into the generator (which writes the wrappers) and the analyzers (which
/// recognise calls of them and report names that clash).
/// </summary>
internal static class WrapperPrefix
{
    /// <summary>The prefix of <paramref name="method"/>'s wrappers, given the attribute's <c>Name</c> (or null).</summary>
    public static string Of(IMethodSymbol method, string? nameArgument) =>
        ParallelizableNames.Prefix(method.Name, nameArgument, ReturnsTask(method), name => method.ContainingType is { } type && type.MemberNames.Contains(name));

    /// <summary>Whether <paramref name="method"/> returns <c>Task</c> or <c>ValueTask</c>, with or without a result.</summary>
    public static bool ReturnsTask(IMethodSymbol method) =>
        method.ReturnType is INamedTypeSymbol
        {
            Name: "Task" or "ValueTask",
            ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
        };
}
