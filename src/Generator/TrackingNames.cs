namespace ParallelGen.Generator;

/// <summary>The names of the generator's pipeline steps, so tests can assert each step's caching.</summary>
internal static class TrackingNames
{
    /// <summary>Methods marked [Parallelizable], transformed to equatable models.</summary>
    public const string Methods = nameof(Methods);
}
