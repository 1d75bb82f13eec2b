using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// A lazy input of a map into an array: claimed through a <see cref="ReadAhead{T}"/>, in input order until the
/// input ends, then from both ends of what is left, a share at a time (as <see cref="TwoEndedRange"/> does). Only
/// these read ahead: their caller sees nothing before the last item is done, as with Python's <c>Pool.map</c>, which
/// reads its whole input first.
/// </summary>
internal sealed class ReadAheadSource<TIn>(IEnumerable<TIn> items, int guidedShare) : ClaimSource<TIn>
{
    /// <summary>Claims of chunks this big (items of about a microsecond or less) bypass the read-ahead.</summary>
    internal const int ReadStraightFromChunk = 64;

    private readonly object _lock = new();
    private readonly ReadAhead<TIn> _ahead = new();
    private IEnumerator<TIn>? _enumerator;
    private volatile bool _exhausted;
    private volatile int _aheadCount;
    private long _total = -1;

    /// <inheritdoc/>
    public override bool HasUnclaimed => !_exhausted || _aheadCount > 0;

    /// <inheritdoc/>
    public override long Total => Interlocked.Read(ref _total);

    /// <inheritdoc/>
    public override void Open(CancellationToken stop) => _enumerator = items.GetEnumerator();

    /// <inheritdoc/>
    public override ClaimResult Claim(Chunk<TIn> chunk, int wanted)
    {
        lock (_lock)
        {
            var ahead = _ahead;
            if (!_exhausted)
            {
                try
                {
                    if (wanted >= ReadStraightFromChunk)
                    {
                        // Items of a microsecond or less: no one of them can hold up the end of the map, so reading
                        // ahead gains nothing. What is buffered goes first; then they go straight into the buffer.
                        if (ahead.Count > 0)
                        {
                            return TakeAhead(chunk, wanted);
                        }

                        var direct = chunk.Buffer(wanted);
                        var got = 0;
                        while (got < wanted && _enumerator!.MoveNext())
                        {
                            direct[got++] = _enumerator.Current;
                        }

                        var position = ahead.PassedStraight(got, ended: got < wanted);
                        AfterRead();
                        if (got == 0)
                        {
                            return ClaimResult.Exhausted;
                        }

                        chunk.Set(position, got, direct, 0);
                        return ClaimResult.Claimed;
                    }

                    ahead.Fill(_enumerator!, ahead.Target(wanted));
                    AfterRead();
                }
                catch
                {
                    _aheadCount = 0;
                    _exhausted = true;
                    throw;
                }
            }

            return ahead.Count == 0 ? ClaimResult.Exhausted : TakeAhead(chunk, wanted);
        }
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        _enumerator?.Dispose();
        return default;
    }

    /// <summary>Claims from the read-ahead: from the front until the input ends, then a share at a time from the chunk's end.</summary>
    private ClaimResult TakeAhead(Chunk<TIn> chunk, int wanted)
    {
        _aheadCount = ReadAheadClaim.Take(_ahead, chunk, wanted, _exhausted, guidedShare);
        return ClaimResult.Claimed;
    }

    private void AfterRead()
    {
        // The count before the flag: a reader that sees the input ended also sees what is left of it.
        _aheadCount = _ahead.Count;
        if (_ahead.Ended)
        {
            Interlocked.Exchange(ref _total, _ahead.Read);
            _exhausted = true;
        }
    }
}
