using System;

namespace ParallelGen;

/// <summary>A snapshot of a map's progress, reported through <see cref="MapOptions.Progress"/>.</summary>
/// <param name="Completed">Items finished successfully so far.</param>
/// <param name="Failed">Items that threw so far.</param>
/// <param name="Total">The number of items, or <see langword="null"/> while the source has not been read to its end.</param>
public readonly record struct MapProgress(long Completed, long Failed, long? Total)
{
    /// <summary>
    /// How many items the map may run at once at the time of the snapshot: its fixed degree, or where an automatic
    /// degree stands (see <see cref="MapOptions.MaxAutoDegree"/>); 0 when not known.
    /// </summary>
    public int Degree { get; init; }

    /// <summary>Whether <paramref name="other"/> has the same counts (<see cref="Degree"/> is not compared).</summary>
    /// <param name="other">The snapshot to compare with.</param>
    public bool Equals(MapProgress other) => Completed == other.Completed && Failed == other.Failed && Total == other.Total;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Completed, Failed, Total);
}
