using System;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Claiming;

/// <summary>What a claim found.</summary>
internal enum ClaimResult
{
    /// <summary>The chunk holds at least one item.</summary>
    Claimed,

    /// <summary>No item is left to claim.</summary>
    Exhausted,

    /// <summary>Streaming: items are left, but the consumer must take some before more may be claimed.</summary>
    WindowFull,
}

/// <summary>
/// Where a map's workers claim their chunks: one subclass per kind of source, chosen once when the map starts
/// (<see cref="For"/>). A claim takes at most the items asked for. A source that fails (its enumerator throws) marks
/// itself exhausted and lets the exception propagate to the claiming worker, which stops the map with it.
/// </summary>
internal abstract class ClaimSource<TIn>
{
    /// <summary>Whether claims may have to wait for the source (an async stream): claim only with <see cref="ClaimAsync"/>.</summary>
    public virtual bool IsAsync => false;

    /// <summary>Whether items are left to claim.</summary>
    public abstract bool HasUnclaimed { get; }

    /// <summary>How many items are left to claim, when the source knows; otherwise <see cref="long.MaxValue"/> while any are.</summary>
    public virtual long Unclaimed => HasUnclaimed ? long.MaxValue : 0;

    /// <summary>The number of items in the input, once known; -1 until then.</summary>
    public abstract long Total { get; }

    /// <summary>Streaming: whether the window has room for another claim (always, when there is no window).</summary>
    public virtual bool WindowHasRoom => true;

    /// <summary>
    /// Chooses the source for a map: indexable inputs are claimed by index (from both ends, or in order within the
    /// window when streaming); lazy inputs are read under a lock and async streams under an async lock, both
    /// through a read-ahead when the results go to an array.
    /// </summary>
    /// <param name="source">The input.</param>
    /// <param name="window">The streaming window, or <see langword="null"/> for maps into an array or without results.</param>
    /// <param name="readAhead">Whether a lazy input is read ahead of the workers (maps into an array).</param>
    /// <param name="guidedShare">At the end of a map, a claim takes at most this fraction (1 / share) of what is left.</param>
    public static ClaimSource<TIn> For(MapSource<TIn> source, ClaimWindow? window, bool readAhead, int guidedShare)
    {
        if (source.IsIndexed)
        {
            return window is null ? new IndexedRangeSource<TIn>(checked((int)source.Count), guidedShare) : new IndexedWindowSource<TIn>(source.Count, window);
        }

        if (source.Enumerable is { } enumerable)
        {
            return readAhead && window is null ? new ReadAheadSource<TIn>(enumerable, guidedShare) : new EnumeratedSource<TIn>(enumerable, window);
        }

        return readAhead && window is null ? new AsyncReadAheadSource<TIn>(source.AsyncEnumerable!, guidedShare) : new AsyncStreamSource<TIn>(source.AsyncEnumerable!, window);
    }

    /// <summary>Opens the input (gets its enumerator); <paramref name="stop"/> stops an async stream.</summary>
    public virtual void Open(CancellationToken stop)
    {
    }

    /// <summary>Claims up to <paramref name="wanted"/> items into <paramref name="chunk"/>.</summary>
    public abstract ClaimResult Claim(Chunk<TIn> chunk, int wanted);

    /// <summary>Claims up to <paramref name="wanted"/> items into <paramref name="chunk"/>, awaiting the source if it must.</summary>
    public virtual ValueTask<ClaimResult> ClaimAsync(Chunk<TIn> chunk, int wanted) => new(Claim(chunk, wanted));

    /// <summary>Releases the input's enumerator.</summary>
    public virtual ValueTask DisposeAsync() => default;
}
