using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>Where the storage an operation reaches comes from, seen from one scope (a worker or a summarized method).</summary>
internal enum OriginKind
{
    /// <summary>Owned by the scope: a local, an object created in it, a parameter of a worker. Never shared.</summary>
    None,

    /// <summary>Static state, shared by every thread.</summary>
    Static,

    /// <summary>The scope's own object (<c>this</c>).</summary>
    This,

    /// <summary>A parameter of the summarized method (shared when the caller passes shared state).</summary>
    Parameter,

    /// <summary>A local or parameter declared outside the scope and captured by it.</summary>
    Captured,
}

/// <summary>An origin with the words that name it in a message ("static field 'C.x'", "captured variable 'list'").</summary>
internal readonly struct Origin
{
    public Origin(OriginKind kind, string description, ISymbol? symbol = null, int ordinal = -1)
    {
        Kind = kind;
        Description = description;
        Symbol = symbol;
        Ordinal = ordinal;
    }

    public static Origin None => default;

    public OriginKind Kind { get; }

    public string Description { get; }

    /// <summary>The captured local or parameter, for <see cref="OriginKind.Captured"/>.</summary>
    public ISymbol? Symbol { get; }

    /// <summary>The parameter's ordinal, for <see cref="OriginKind.Parameter"/>.</summary>
    public int Ordinal { get; }

    public bool IsNone => Kind == OriginKind.None;

    public Origin WithDescription(string description) => new(Kind, description, Symbol, Ordinal);
}
