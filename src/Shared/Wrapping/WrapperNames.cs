using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Shared.Wrapping;

/// <summary>Whether the wrappers' names can be written (PG0010) and are free in the type (PG0004).</summary>
internal static class WrapperNames
{
    /// <summary>Why the attribute's <c>Name</c> cannot prefix the wrappers' names, or <see langword="null"/> when it can.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "empty";
        }

        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                return "not an identifier: it holds white space";
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return "not an identifier as written: the compiler drops its formatting characters";
            }
        }

        if (name[0] == '@')
        {
            return "not an identifier: '@' escapes a keyword in code but cannot be part of a name";
        }

        return SyntaxFacts.IsValidIdentifier(name + ParallelizableNames.Map) ? null : "not an identifier";
    }

    /// <summary>The first wrapper name of <paramref name="prefix"/> already taken in <paramref name="type"/>, and by what.</summary>
    public static (string Wrapper, string What)? Clash(INamedTypeSymbol type, string prefix)
    {
        HashSet<string>? inheritedWrappers = null;
        foreach (var suffix in ParallelizableNames.WrapperSuffixes)
        {
            var name = prefix + suffix;
            if (name == type.Name)
            {
                return (name, "the name of its type '" + Wrappability.Display(type) + "'");
            }

            foreach (var typeParameter in type.TypeParameters)
            {
                if (typeParameter.Name == name)
                {
                    return (name, "the type parameter '" + name + "' of '" + Wrappability.Display(type) + "'");
                }
            }

            foreach (var member in type.GetMembers(name))
            {
                if (!member.IsImplicitlyDeclared && !GeneratedMembers.IsParallelGens(member))
                {
                    return (name, "the member '" + Wrappability.Display(member) + "' of '" + Wrappability.Display(type) + "'");
                }
            }

            // object and ValueType have no member that ends like a wrapper.
            for (var baseType = type.BaseType; baseType is { SpecialType: SpecialType.None }; baseType = baseType.BaseType)
            {
                foreach (var member in baseType.GetMembers(name))
                {
                    if (member.DeclaredAccessibility != Accessibility.Private)
                    {
                        return (name, "the inherited member '" + Wrappability.Display(member) + "' of '" + Wrappability.Display(baseType) + "'");
                    }
                }

                inheritedWrappers ??= WrappersOfBases(type);
                if (inheritedWrappers.Contains(name))
                {
                    return (name, "the wrapper '" + name + "' generated for a [Parallelizable] method of the base type '" + Wrappability.Display(baseType) + "'");
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(name))
                {
                    return (name, "the member '" + Wrappability.Display(member) + "' of the interface '" + Wrappability.Display(@interface) + "'");
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The wrapper names the generator gives the non-private <c>[Parallelizable]</c> methods of the base types: in the
    /// generator's input they are not members yet, so they are counted from the methods that will get them.
    /// </summary>
    private static HashSet<string> WrappersOfBases(INamedTypeSymbol type)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        for (var baseType = type.BaseType; baseType is { SpecialType: SpecialType.None }; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers())
            {
                if (member is IMethodSymbol { DeclaredAccessibility: not Accessibility.Private } method
                    && ParallelizableAttributes.Find(method) is { } attribute)
                {
                    var name = ParallelizableAttributes.NameArgument(attribute);
                    if (name is null || NameProblem(name) is null)
                    {
                        var prefix = WrapperPrefix.Of(method, name);
                        foreach (var suffix in ParallelizableNames.WrapperSuffixes)
                        {
                            names.Add(prefix + suffix);
                        }
                    }
                }
            }
        }

        return names;
    }
}
