using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Crossing;

/// <summary>Records, structs and classes: rebuilt in the worker from their public members.</summary>
internal static partial class CrossingRule
{
    /// <summary>
    /// A record, struct or class crosses as its public state: the parameters of the public constructor whose every
    /// parameter matches a public field, settable property or get-only auto-property by name and type (a positional
    /// record's), then every other public settable or init member. Computed properties never match and never travel;
    /// private state does not travel either (as for System.Text.Json) — a type that keeps its state private has no
    /// matching constructor and is refused, rather than copied empty.
    /// </summary>
    private static WireShape ClassifyObject(INamedTypeSymbol type, CrossingContext context)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return WireShape.Refuse(type, "only records, structs and classes cross as data");
        }

        if (type.IsUnboundGenericType)
        {
            return WireShape.Refuse(type, "an open generic type cannot be instantiated");
        }

        if (!context.IsAccessible(type))
        {
            return WireShape.Refuse(type, "it is private, protected or file-local, so the assembly's generated serializers cannot name it; make it internal or public");
        }

        var readable = new List<(string Name, ITypeSymbol Type, bool Settable)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared && member is IFieldSymbol || !seen.Add(member.Name))
                {
                    continue;
                }

                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false, ReturnsByRef: false, ReturnsByRefReadonly: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property:
                        // A get-only property is state only when it stores a value (an auto-property); a computed one
                        // (X => _x * 2) must not be matched to a constructor parameter.
                        if (property.SetMethod is { DeclaredAccessibility: Accessibility.Public })
                        {
                            readable.Add((property.Name, property.Type, true));
                        }
                        else if (property.SetMethod is null && IsAutoProperty(current, property))
                        {
                            readable.Add((property.Name, property.Type, false));
                        }

                        break;
                    case IFieldSymbol { IsConst: false } field:
                        readable.Add((field.Name, field.Type, !field.IsReadOnly));
                        break;
                }
            }
        }

        foreach (var member in readable)
        {
            if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(member.Name))
            {
                return WireShape.Refuse(type, "it does not compile yet (a member has no valid name)");
            }
        }

        IMethodSymbol? best = null;
        int[]? bestMap = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public || (best is not null && constructor.Parameters.Length <= best.Parameters.Length))
            {
                continue;
            }

            var map = MatchConstructor(constructor, readable);
            if (map is not null)
            {
                best = constructor;
                bestMap = map;
            }
        }

        if (best is null || bestMap is null)
        {
            return WireShape.Refuse(type, "it has no public constructor whose parameters all match public members by name and type (as a positional record's do), nor a public parameterless one");
        }

        var members = ImmutableArray.CreateBuilder<WireMember>(readable.Count);
        for (var position = 0; position < bestMap.Length; position++)
        {
            var member = readable[bestMap[position]];
            members.Add(new WireMember(member.Name, member.Type, position));
        }

        for (var i = 0; i < readable.Count; i++)
        {
            if (readable[i].Settable && Array.IndexOf(bestMap, i) < 0)
            {
                members.Add(new WireMember(readable[i].Name, readable[i].Type, -1));
            }
        }

        return WireShape.OfObject(type, members.ToImmutable());
    }

    private static bool IsAutoProperty(INamedTypeSymbol type, IPropertySymbol property)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For each constructor parameter, the index of the readable member it sets; null when one matches none.</summary>
    private static int[]? MatchConstructor(IMethodSymbol constructor, List<(string Name, ITypeSymbol Type, bool Settable)> readable)
    {
        var map = new int[constructor.Parameters.Length];
        for (var p = 0; p < map.Length; p++)
        {
            var parameter = constructor.Parameters[p];
            map[p] = -1;
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return null;
            }

            for (var m = 0; m < readable.Count; m++)
            {
                if (string.Equals(readable[m].Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                    && SymbolEqualityComparer.Default.Equals(readable[m].Type, parameter.Type))
                {
                    map[p] = m;
                    break;
                }
            }

            if (map[p] < 0)
            {
                return null;
            }
        }

        return map;
    }
}
