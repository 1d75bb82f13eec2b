namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// An indexable input claimed from both ends of a <see cref="TwoEndedRange"/> without a lock (maps into an array and
/// maps without results). Guided self-scheduling: a claim never takes more than a share of what is left among the
/// workers, so the tail spreads over all of them, down to one item at a time.
/// </summary>
internal sealed class IndexedRangeSource<TIn>(int count, int guidedShare) : ClaimSource<TIn>
{
    private readonly TwoEndedRange _range = new(count);

    /// <inheritdoc/>
    public override bool HasUnclaimed => _range.Remaining > 0;

    /// <inheritdoc/>
    public override long Unclaimed => _range.Remaining;

    /// <inheritdoc/>
    public override long Total => count;

    /// <inheritdoc/>
    public override ClaimResult Claim(Chunk<TIn> chunk, int wanted)
    {
        if (!_range.TryClaim(chunk.FromBack, wanted, guidedShare, out var start, out var taken))
        {
            return ClaimResult.Exhausted;
        }

        chunk.Set(start, taken, null, 0);
        return ClaimResult.Claimed;
    }
}
