namespace ParallelGen.Mapping;

/// <summary>What a map does with each result.</summary>
internal enum ResultMode
{
    /// <summary>Kept in input order for an array.</summary>
    Array,

    /// <summary>Dropped (maps of methods without a result).</summary>
    Discard,

    /// <summary>Streamed to the consumer as <see cref="Completed{TIn, TOut}"/>.</summary>
    Stream,
}
