using System.Linq;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Wrapping;

/// <summary>
/// Recognises the wrappers ParallelGen's generator added to a type. The analyzers run on the compilation that already
/// holds them (a real build), the generator on the one before: counting them as clashes would make the two disagree.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>Whether <paramref name="member"/> was written by ParallelGen's generator.</summary>
    public static bool IsParallelGens(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "GeneratedCodeAttribute"
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value is string tool
                && tool.StartsWith("ParallelGen", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        var references = member.DeclaringSyntaxReferences;
        return references.Length > 0
            && references.All(static r => r.SyntaxTree.FilePath.IndexOf("ParallelGen.Generator", System.StringComparison.Ordinal) >= 0);
    }
}
