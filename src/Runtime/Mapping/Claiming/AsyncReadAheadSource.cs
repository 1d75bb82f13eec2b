using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> input of a map into an array: read ahead of the workers as
/// <see cref="ReadAheadSource{TIn}"/> reads a lazy one, so that when the input ends its last items are all buffered
/// and are claimed from both ends (heaviest-last inputs start their heaviest items first). It reads ahead only what
/// has already arrived: a claim waits for the stream only when nothing is buffered, and then for one item, as
/// <see cref="AsyncStreamSource{TIn}"/> does; a read that would wait is kept and finished by a later claim.
/// </summary>
internal sealed class AsyncReadAheadSource<TIn>(IAsyncEnumerable<TIn> items, int guidedShare) : ClaimSource<TIn>
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ReadAhead<TIn> _ahead = new();
    private IAsyncEnumerator<TIn>? _enumerator;
    private CancellationToken _stop;
    private ValueTask<bool> _pending;
    private bool _hasPending;
    private volatile bool _exhausted;
    private volatile int _aheadCount;
    private long _total = -1;

    /// <inheritdoc/>
    public override bool IsAsync => true;

    /// <inheritdoc/>
    public override bool HasUnclaimed => !_exhausted || _aheadCount > 0;

    /// <inheritdoc/>
    public override long Total => Interlocked.Read(ref _total);

    /// <inheritdoc/>
    public override void Open(CancellationToken stop)
    {
        _stop = stop;
        _enumerator = items.GetAsyncEnumerator(stop);
    }

    /// <inheritdoc/>
    public override ClaimResult Claim(Chunk<TIn> chunk, int wanted) =>
        throw new System.InvalidOperationException("An async stream is claimed with ClaimAsync.");

    /// <inheritdoc/>
    public override async ValueTask<ClaimResult> ClaimAsync(Chunk<TIn> chunk, int wanted)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_exhausted && !await ReadAsync(wanted).ConfigureAwait(false))
            {
                return ClaimResult.Exhausted;
            }

            return _ahead.Count == 0 ? ClaimResult.Exhausted : TakeAhead(chunk, wanted);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (_enumerator is null)
        {
            return;
        }

        if (_hasPending)
        {
            // A read still under way must end before the enumerator may be disposed (the map's stop token cancels it).
            _hasPending = false;
            try
            {
                await _pending.ConfigureAwait(false);
            }
            catch (System.Exception)
            {
                // The map has ended; only the enumerator's release is left to do.
            }
        }

        await _enumerator.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads what has arrived up to the read-ahead target, waiting only while nothing is buffered; false when the map stopped.</summary>
    private async ValueTask<bool> ReadAsync(int wanted)
    {
        var enumerator = _enumerator!;
        var target = _ahead.Target(wanted);
        try
        {
            while (_ahead.Count < target && !_ahead.Ended)
            {
                ValueTask<bool> moved;
                if (_hasPending)
                {
                    moved = _pending;
                    _hasPending = false;
                }
                else
                {
                    moved = enumerator.MoveNextAsync();
                }

                if (!moved.IsCompleted && _ahead.Count > 0)
                {
                    // Hand over what has arrived; the next claim finishes this read.
                    _pending = moved;
                    _hasPending = true;
                    break;
                }

                if (!(moved.IsCompletedSuccessfully ? moved.Result : await moved.ConfigureAwait(false)))
                {
                    _ahead.End();
                    break;
                }

                _ahead.Add(enumerator.Current);
            }
        }
        catch (System.OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _aheadCount = 0;
            _exhausted = true;
            return false;
        }
        catch
        {
            _aheadCount = 0;
            _exhausted = true;
            throw;
        }

        // The count before the flag: a reader that sees the input ended also sees what is left of it.
        _aheadCount = _ahead.Count;
        if (_ahead.Ended)
        {
            Interlocked.Exchange(ref _total, _ahead.Read);
            _exhausted = true;
        }

        return true;
    }

    /// <summary>Claims from the read-ahead: from the front until the input ends, then a share at a time from the chunk's end.</summary>
    private ClaimResult TakeAhead(Chunk<TIn> chunk, int wanted)
    {
        _aheadCount = ReadAheadClaim.Take(_ahead, chunk, wanted, _exhausted, guidedShare);
        return ClaimResult.Claimed;
    }
}
