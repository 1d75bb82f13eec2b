using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Crossing;

/// <summary>How one type crosses: the verdict of <see cref="CrossingRule.Classify"/> for that type alone (its parts are classified in turn).</summary>
internal sealed class WireShape
{
    private WireShape(WireKind kind, ITypeSymbol type)
    {
        Kind = kind;
        Type = type;
    }

    /// <summary>How the value crosses.</summary>
    public WireKind Kind { get; private set; }

    /// <summary>The type classified.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>For <see cref="WireKind.Primitive"/>: the suffix of the <c>WireWriter.Write*</c> / <c>WireReader.Read*</c> pair.</summary>
    public string? Primitive { get; private set; }

    /// <summary>The types the value is made of: the element, the key and value, the tuple's elements, the enum's underlying type.</summary>
    public ImmutableArray<ITypeSymbol> Elements { get; private set; } = ImmutableArray<ITypeSymbol>.Empty;

    /// <summary>For a tuple: each element's name for messages (<c>Item1</c> or the declared name).</summary>
    public ImmutableArray<string> ElementNames { get; private set; } = ImmutableArray<string>.Empty;

    /// <summary>For <see cref="WireKind.Object"/>: the members written, constructor parameters first in their order.</summary>
    public ImmutableArray<WireMember> Members { get; private set; } = ImmutableArray<WireMember>.Empty;

    /// <summary>For <see cref="WireKind.Custom"/>: the registered serializer.</summary>
    public INamedTypeSymbol? Serializer { get; private set; }

    /// <summary>For <see cref="WireKind.Refused"/>: why, in words that end a sentence naming the type.</summary>
    public string? Reason { get; private set; }

    /// <summary>For collections: the declared type is an interface, filled with the concrete collection.</summary>
    public bool Materialized { get; private set; }

    public static WireShape Refuse(ITypeSymbol type, string reason) => new(WireKind.Refused, type) { Reason = reason };

    public static WireShape OfPrimitive(ITypeSymbol type, string primitive) => new(WireKind.Primitive, type) { Primitive = primitive };

    public static WireShape Of(WireKind kind, ITypeSymbol type, ImmutableArray<ITypeSymbol> elements, bool materialized = false) =>
        new(kind, type) { Elements = elements, Materialized = materialized };

    public static WireShape OfTuple(ITypeSymbol type, ImmutableArray<ITypeSymbol> elements, ImmutableArray<string> names) =>
        new(WireKind.Tuple, type) { Elements = elements, ElementNames = names };

    public static WireShape OfObject(ITypeSymbol type, ImmutableArray<WireMember> members) => new(WireKind.Object, type) { Members = members };

    public static WireShape OfCustom(ITypeSymbol type, INamedTypeSymbol serializer) => new(WireKind.Custom, type) { Serializer = serializer };
}

/// <summary>A public member of a record, struct or class that crosses with it.</summary>
internal readonly struct WireMember
{
    public WireMember(string name, ITypeSymbol type, int constructorPosition)
    {
        Name = name;
        Type = type;
        ConstructorPosition = constructorPosition;
    }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>The member's type.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>Its position among the chosen constructor's parameters, or -1 when an object initializer sets it.</summary>
    public int ConstructorPosition { get; }
}
