using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>What the race walkers ask of a symbol before following it into its body.</summary>
internal static class SourceSymbols
{
    /// <summary>Whether <paramref name="symbol"/> is declared in source of <paramref name="compilation"/> (its body can be read).</summary>
    public static bool IsDeclaredIn(ISymbol symbol, Compilation compilation)
    {
        var definition = symbol.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly)
            && !definition.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>Whether <paramref name="property"/> is auto-implemented (it has a compiler-declared backing field).</summary>
    public static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }
}
