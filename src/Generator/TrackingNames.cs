namespace ParallelGen.Generator;

/// <summary>The names of the generator's pipeline steps, so tests can assert each step's caching.</summary>
internal static class TrackingNames
{
    /// <summary>Methods marked [Parallelizable], transformed to equatable models (null when not wrappable).</summary>
    public const string Methods = nameof(Methods);

    /// <summary>The wrappable methods only.</summary>
    public const string WrappableMethods = nameof(WrappableMethods);

    /// <summary>Every wrappable method of the compilation, collected.</summary>
    public const string AllMethods = nameof(AllMethods);

    /// <summary>The methods grouped by containing type: one generated file each.</summary>
    public const string Types = nameof(Types);

    /// <summary>The source text of each type's file.</summary>
    public const string Sources = nameof(Sources);

    /// <summary>Methods marked [Parallelizable] as the cross-process registry sees them (null when not wrappable).</summary>
    public const string RemoteMethods = nameof(RemoteMethods);

    /// <summary>Every such method of the compilation, collected.</summary>
    public const string AllRemoteMethods = nameof(AllRemoteMethods);

    /// <summary>The registry file's text.</summary>
    public const string RemoteSource = nameof(RemoteSource);
}
