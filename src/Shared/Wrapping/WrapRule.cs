namespace ParallelGen.Shared.Wrapping;

/// <summary>
/// Why a <c>[Parallelizable]</c> method gets no wrappers. Each value but <see cref="AlreadyAnError"/> is one usage rule
/// of the analyzers (the id is in the comment); the generator skips a method exactly when <see cref="Wrappability"/>
/// finds one of these, whatever severity the rule has.
/// </summary>
internal enum WrapRule
{
    /// <summary>The signature already has compiler errors (missing names, unknown types); the compiler reports them.</summary>
    AlreadyAnError,

    /// <summary>PG0001: a containing type is not partial.</summary>
    ContainingTypeNotPartial,

    /// <summary>PG0002: a parameter a work item cannot carry.</summary>
    UnsupportedParameter,

    /// <summary>PG0003: a return the wrappers cannot carry.</summary>
    UnsupportedReturn,

    /// <summary>PG0004: a wrapper's name is taken by a member, the type, a type parameter or an inherited member.</summary>
    WrapperNameClash,

    /// <summary>PG0005: the attribute is on something other than an ordinary method.</summary>
    NotAMethod,

    /// <summary>PG0010: the attribute's <c>Name</c> cannot start an identifier the wrappers can have.</summary>
    InvalidName,

    /// <summary>PG0011: another <c>[Parallelizable]</c> method would get a wrapper of the same signature.</summary>
    WrappersCollide,

    /// <summary>PG0012: the containing type cannot hold the wrappers (interface, file-local type, instance method of a ref struct).</summary>
    UnsupportedContainingType,
}
