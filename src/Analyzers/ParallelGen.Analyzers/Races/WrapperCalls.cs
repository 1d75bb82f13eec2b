using Microsoft.CodeAnalysis;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Recognises calls of generated wrappers: a method named <c>{Prefix}Map</c>, <c>MapAsync</c>, <c>Submit</c> or
/// <c>AsCompleted</c> on the type of a [Parallelizable] method whose prefix (<see cref="WrapperPrefix"/>) is <c>Prefix</c>.
/// </summary>
internal static class WrapperCalls
{
    /// <summary>The [Parallelizable] method behind <paramref name="wrapper"/> and the wrapper's kind, or null.</summary>
    public static (IMethodSymbol Method, string Kind)? Find(IMethodSymbol wrapper, KnownTypes known)
    {
        if (known.ParallelizableAttribute is null || wrapper.ContainingType is not { } type)
        {
            return null;
        }

        if (!ParallelizableNames.TrySplitWrapperName(wrapper.Name, out var prefix, out var suffix))
        {
            return null;
        }

        foreach (var member in type.OriginalDefinition.GetMembers())
        {
            if (member is IMethodSymbol candidate && known.ParallelizableData(candidate) is { } data && Prefix(candidate, data) == prefix)
            {
                return (candidate, suffix);
            }
        }

        return null;
    }

    private static string Prefix(IMethodSymbol method, AttributeData data)
    {
        foreach (var argument in data.NamedArguments)
        {
            if (argument.Key == ParallelizableNames.NameArgument && argument.Value.Value is string name)
            {
                return WrapperPrefix.Of(method, name);
            }
        }

        return WrapperPrefix.Of(method, null);
    }
}
