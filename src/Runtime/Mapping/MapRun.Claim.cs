using System;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping;

internal sealed partial class MapRun<TIn, TOut>
{
    /// <summary>Lazy sources: claims of chunks this big (items of about a microsecond or less) bypass the read-ahead.</summary>
    private const int ReadStraightFromChunk = 64;

    /// <summary>At the end of a map, a claim takes at most this fraction (1 / share) of what is left.</summary>
    private int GuidedShare => 2 * Degree;

    private enum ClaimResult
    {
        Claimed,
        Exhausted,
        WindowFull,
    }

    /// <summary>Claims the next chunk for <paramref name="loop"/>; false when no work is left for it.</summary>
    private async ValueTask<bool> ClaimAsync(Loop loop, int budget, bool blocking)
    {
        while (true)
        {
            loop.Yield = _stopping;
            if (_stopping || _stop.IsCancellationRequested)
            {
                return false;
            }

            var wanted = Math.Max(1, Math.Min(budget, ChunkFor(loop)));
            if (_returnedCount > 0 && TryClaimReturned(loop, wanted))
            {
                return true;
            }

            ClaimResult result;
            if (_source.IsIndexed)
            {
                result = ClaimIndexed(loop, wanted);
            }
            else if (_enumerator is not null)
            {
                lock (_claimLock)
                {
                    result = ClaimEnumerated(loop, wanted);
                }
            }
            else
            {
                if (blocking)
                {
                    _asyncLock!.Wait();
                }
                else
                {
                    await _asyncLock!.WaitAsync().ConfigureAwait(false);
                }

                try
                {
                    result = await ClaimStreamedAsync(loop, wanted, blocking).ConfigureAwait(false);
                }
                finally
                {
                    _asyncLock.Release();
                }
            }

            if (result == ClaimResult.Claimed)
            {
                return true;
            }

            // Take the signal before re-checking, so a wake-up between the check and the wait is not lost.
            var signal = _signal.WaitAsync();
            if (result == ClaimResult.WindowFull)
            {
                if (_stopping || _returnedCount > 0 || WindowHasRoom())
                {
                    continue;
                }
            }
            else
            {
                // Nothing left to claim: ask busy workers to hand back the unstarted rest of their chunks.
                var anyBusy = false;
                foreach (var other in _loops)
                {
                    if (other != loop && other.InChunk)
                    {
                        other.Yield = true;
                        anyBusy = true;
                    }
                }

                if (!anyBusy)
                {
                    return false;
                }

                if (_returnedCount > 0 || _stopping)
                {
                    continue;
                }
            }

            if (blocking)
            {
                signal.Wait(20);
            }
            else
            {
                await Task.WhenAny(signal, Task.Delay(20)).ConfigureAwait(false);
            }
        }
    }

    private int ChunkFor(Loop loop)
    {
        var chunk = _fixedChunk > 0 ? _fixedChunk : loop.Chunk;
        if (Streaming)
        {
            chunk = Math.Min(chunk, Math.Max(1, Window / (4 * Degree)));
        }

        return chunk;
    }

    private bool WindowHasRoom() => !Streaming || RoomFrom(Volatile.Read(ref _next)) > 0;

    /// <summary>How many items past <paramref name="next"/> a streamed map may claim before its consumer catches up.</summary>
    private long RoomFrom(long next) => Volatile.Read(ref _consumedMark) + Window - next;

    /// <summary>For sources claimed under a lock: the chunk to take, capped by the window when streaming; false when the window is full.</summary>
    private bool TryTakeWithinWindow(int wanted, out int take)
    {
        take = wanted;
        if (!Streaming)
        {
            return true;
        }

        var room = RoomFrom(_next);
        take = (int)Math.Min(take, Math.Max(0, room));
        return room > 0;
    }

    private ClaimResult ClaimIndexed(Loop loop, int wanted)
    {
        if (_range is { } range)
        {
            // Guided self-scheduling: never take more than a share of what is left among the workers, so the tail
            // spreads over all of them, down to one item at a time. Half the loops claim from the back (see
            // TwoEndedRange), so an input whose costs grow along it starts its heaviest items first.
            if (!range.TryClaim(loop.FromBack, wanted, GuidedShare, out var start, out var taken))
            {
                return ClaimResult.Exhausted;
            }

            loop.SetChunk(start, taken, null, 0);
            return ClaimResult.Claimed;
        }

        // Streaming: in input order, within the window.
        var count = _source.Count;
        while (true)
        {
            var next = Volatile.Read(ref _next);
            if (next >= count)
            {
                return ClaimResult.Exhausted;
            }

            var room = RoomFrom(next);
            if (room <= 0)
            {
                return ClaimResult.WindowFull;
            }

            var take = Math.Min(Math.Min(wanted, room), count - next);
            if (Interlocked.CompareExchange(ref _next, next + take, next) == next)
            {
                loop.SetChunk(next, (int)take, null, 0);
                return ClaimResult.Claimed;
            }
        }
    }

    private ClaimResult ClaimEnumerated(Loop loop, int wanted)
    {
        // Called under _claimLock.
        if (_mode == ResultMode.Array)
        {
            return ClaimReadAhead(loop, wanted);
        }

        if (_exhausted)
        {
            return ClaimResult.Exhausted;
        }

        if (!TryTakeWithinWindow(wanted, out var take))
        {
            return ClaimResult.WindowFull;
        }

        var buffer = loop.Buffer(take);
        var got = 0;
        var enumerator = _enumerator!;
        try
        {
            while (got < take && enumerator.MoveNext())
            {
                buffer[got++] = enumerator.Current;
            }
        }
        catch (Exception ex)
        {
            _exhausted = true;
            RecordSourceFailure(ex);
            return ClaimResult.Exhausted;
        }

        return Claimed(loop, buffer, got, got < take);
    }

    /// <summary>
    /// Maps of a lazy source into an array: claims through the <see cref="ReadAhead{T}"/>, in input order until the
    /// source ends, then from both ends of what is left, a share at a time (as <see cref="TwoEndedRange"/> does).
    /// Only these read ahead: their caller sees nothing before the last item is done, as with Python's
    /// <c>Pool.map</c>, which reads its whole input first. Maps without results and streams read only the chunk a
    /// worker is about to run, so the items of a source that blocks between items (a queue) do not wait for more.
    /// </summary>
    private ClaimResult ClaimReadAhead(Loop loop, int wanted)
    {
        // Called under _claimLock.
        var ahead = _readAhead ??= new ReadAhead<TIn>();
        if (!_exhausted)
        {
            try
            {
                if (wanted >= ReadStraightFromChunk)
                {
                    // Items of a microsecond or less: no one of them can hold up the end of the map, so reading
                    // ahead gains nothing. What is buffered goes first; then they go straight into the loop's buffer.
                    if (ahead.Count > 0)
                    {
                        return TakeAhead(loop, ahead, wanted);
                    }

                    var direct = loop.Buffer(wanted);
                    var enumerator = _enumerator!;
                    var got = 0;
                    while (got < wanted && enumerator.MoveNext())
                    {
                        direct[got++] = enumerator.Current;
                    }

                    var position = ahead.PassedStraight(got, ended: got < wanted);
                    AfterRead(ahead);
                    if (got == 0)
                    {
                        return ClaimResult.Exhausted;
                    }

                    loop.SetChunk(position, got, direct, 0);
                    return ClaimResult.Claimed;
                }

                ahead.Fill(_enumerator!, ahead.Target(wanted));
                AfterRead(ahead);
            }
            catch (Exception ex)
            {
                _aheadCount = 0;
                _exhausted = true;
                RecordSourceFailure(ex);
                return ClaimResult.Exhausted;
            }
        }

        return ahead.Count == 0 ? ClaimResult.Exhausted : TakeAhead(loop, ahead, wanted);
    }

    /// <summary>Claims from the read-ahead: from the front until the source ends, then a share at a time from the loop's end.</summary>
    private ClaimResult TakeAhead(Loop loop, ReadAhead<TIn> ahead, int wanted)
    {
        var left = ahead.Count;
        var take = _exhausted ? TwoEndedRange.GuidedTake(left, wanted, GuidedShare) : Math.Min(wanted, left);
        var buffer = loop.Buffer(take);
        var start = ahead.Take(_exhausted && loop.FromBack, take, buffer);
        _aheadCount = ahead.Count;
        loop.SetChunk(start, take, buffer, 0);
        return ClaimResult.Claimed;
    }

    private void AfterRead(ReadAhead<TIn> ahead)
    {
        // The count before the flag: a reader that sees the source ended also sees what is left of it.
        _next = ahead.Read;
        _aheadCount = ahead.Count;
        if (ahead.Ended)
        {
            Interlocked.Exchange(ref _total, ahead.Read);
            _exhausted = true;
        }

        // Only maps into an array read ahead, and a lazy source's results go to segments (its length is unknown).
        EnsureSegments(ahead.Read);
    }

    private async ValueTask<ClaimResult> ClaimStreamedAsync(Loop loop, int wanted, bool blocking)
    {
        // Called under _asyncLock.
        if (_exhausted)
        {
            return ClaimResult.Exhausted;
        }

        if (!TryTakeWithinWindow(wanted, out var take))
        {
            return ClaimResult.WindowFull;
        }

        var buffer = loop.Buffer(take);
        var got = 0;
        var enumerator = _asyncEnumerator!;
        var ended = false;
        try
        {
            while (got < take)
            {
                var moved = enumerator.MoveNextAsync();
                var hasItem = moved.IsCompletedSuccessfully ? moved.Result
                    : blocking ? moved.AsTask().GetAwaiter().GetResult()
                    : await moved.ConfigureAwait(false);
                if (!hasItem)
                {
                    ended = true;
                    break;
                }

                buffer[got++] = enumerator.Current;

                // Hand over what has arrived rather than wait for a slow stream to fill the whole chunk.
                if (got > 0 && !moved.IsCompletedSuccessfully)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _exhausted = true;
            return ClaimResult.Exhausted;
        }
        catch (Exception ex)
        {
            _exhausted = true;
            RecordSourceFailure(ex);
            return ClaimResult.Exhausted;
        }

        return Claimed(loop, buffer, got, ended);
    }

    private ClaimResult Claimed(Loop loop, TIn[] buffer, int got, bool ended)
    {
        var start = _next;
        _next = start + got;
        if (ended)
        {
            _exhausted = true;
            Interlocked.Exchange(ref _total, _next);
        }

        if (got == 0)
        {
            return ClaimResult.Exhausted;
        }

        if (_mode == ResultMode.Array && _results is null)
        {
            EnsureSegments(_next);
        }

        loop.SetChunk(start, got, buffer, 0);
        return ClaimResult.Claimed;
    }

    private void EnsureSegments(long upTo)
    {
        var needed = (int)((upTo + SegmentMask) >> SegmentShift);
        var segments = _segments!;
        if (segments.Length < needed)
        {
            var grown = new TOut[Math.Max(needed, segments.Length * 2)][];
            System.Array.Copy(segments, grown, segments.Length);
            segments = grown;
        }

        for (var i = 0; i < needed; i++)
        {
            segments[i] ??= new TOut[SegmentSize];
        }

        Volatile.Write(ref _segments, segments);
    }

    private bool TryClaimReturned(Loop loop, int wanted)
    {
        lock (_returned)
        {
            if (_returned.Count == 0)
            {
                return false;
            }

            var range = _returned.Pop();
            var take = Math.Min(wanted, Math.Max(1, (range.Count + 1) / 2));
            if (take < range.Count)
            {
                _returned.Push(new ReturnedRange(range.Start + take, range.Count - take, range.Items, range.Items is null ? 0 : range.Offset + take));
            }

            _returnedCount = _returned.Count;
            loop.SetChunk(range.Start, take, range.Items, range.Offset);
            return true;
        }
    }

    /// <summary>Hands the unstarted items <paramref name="from"/>.. of the loop's chunk back for any worker to claim.</summary>
    private void ReturnRest(Loop loop, int from)
    {
        var count = loop.Count - from;
        TIn[]? items = null;
        if (loop.Items is { } source)
        {
            items = new TIn[count];
            System.Array.Copy(source, loop.Offset + from, items, 0, count);
        }

        lock (_returned)
        {
            _returned.Push(new ReturnedRange(loop.Start + from, count, items, 0));
            _returnedCount = _returned.Count;
        }

        _signal.Set();
    }
}
