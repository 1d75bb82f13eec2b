namespace ParallelGen.Mapping.Claiming;

/// <summary>How the read-ahead sources (<see cref="ReadAheadSource{TIn}"/>, <see cref="AsyncReadAheadSource{TIn}"/>) claim a chunk of what they have read.</summary>
internal static class ReadAheadClaim
{
    /// <summary>
    /// Claims into <paramref name="chunk"/>: from the front while the input may still grow, then, once it has ended
    /// (<paramref name="ended"/>), a guided share at a time from the chunk's end, as on an array. Call under the claim lock.
    /// </summary>
    /// <returns>The number of items still read ahead.</returns>
    public static int Take<T>(ReadAhead<T> ahead, Chunk<T> chunk, int wanted, bool ended, int guidedShare)
    {
        var left = ahead.Count;
        var take = ended ? TwoEndedRange.GuidedTake(left, wanted, guidedShare) : System.Math.Min(wanted, left);
        var buffer = chunk.Buffer(take);
        var start = ahead.Take(ended && chunk.FromBack, take, buffer);
        chunk.Set(start, take, buffer, 0);
        return ahead.Count;
    }
}
