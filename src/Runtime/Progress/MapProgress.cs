namespace ParallelGen;

/// <summary>A snapshot of a map's progress, reported through <see cref="MapOptions.Progress"/>.</summary>
/// <param name="Completed">Items finished successfully so far.</param>
/// <param name="Failed">Items that threw so far.</param>
/// <param name="Total">The number of items, or <see langword="null"/> while the source has not been read to its end.</param>
public readonly record struct MapProgress(long Completed, long Failed, long? Total);
