using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Wrapping;

/// <summary>Finds <c>[Parallelizable]</c> on a method and reads its <c>Name</c>, without resolving the attribute type first.</summary>
internal static class ParallelizableAttributes
{
    /// <summary>The method's <c>[Parallelizable]</c>, or <see langword="null"/>.</summary>
    public static AttributeData? Find(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (Is(attribute.AttributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="type"/> is <c>ParallelGen.ParallelizableAttribute</c>.</summary>
    public static bool Is(INamedTypeSymbol? type) =>
        type is { Name: "ParallelizableAttribute", ContainingNamespace: { Name: "ParallelGen", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>The <c>Name</c> argument as written (possibly empty), or <see langword="null"/> when absent or null.</summary>
    public static string? NameArgument(AttributeData attribute)
    {
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == ParallelizableNames.NameArgument)
            {
                return named.Value.Value as string;
            }
        }

        return null;
    }
}
