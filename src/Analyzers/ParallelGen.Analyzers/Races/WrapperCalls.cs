using System;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Recognises calls of generated wrappers: a method named <c>{Prefix}Map</c>, <c>MapAsync</c>, <c>Submit</c> or
/// <c>AsCompleted</c> on the type of a [Parallelizable] method whose prefix is the method's name or the attribute's Name.
/// </summary>
internal static class WrapperCalls
{
    private static readonly string[] Suffixes = { "MapAsync", "Map", "Submit", "AsCompleted" };

    /// <summary>The [Parallelizable] method behind <paramref name="wrapper"/> and the wrapper's kind, or null.</summary>
    public static (IMethodSymbol Method, string Kind)? Find(IMethodSymbol wrapper, KnownTypes known)
    {
        if (known.ParallelizableAttribute is null || wrapper.ContainingType is not { } type)
        {
            return null;
        }

        foreach (var suffix in Suffixes)
        {
            if (wrapper.Name.Length <= suffix.Length || !wrapper.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var prefix = wrapper.Name.Substring(0, wrapper.Name.Length - suffix.Length);
            foreach (var member in type.OriginalDefinition.GetMembers())
            {
                if (member is IMethodSymbol candidate && known.ParallelizableData(candidate) is { } data && Prefix(candidate, data) == prefix)
                {
                    return (candidate, suffix);
                }
            }

            return null;
        }

        return null;
    }

    private static string Prefix(IMethodSymbol method, AttributeData data)
    {
        foreach (var argument in data.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string name && name.Length > 0)
            {
                return name;
            }
        }

        return method.Name;
    }
}
