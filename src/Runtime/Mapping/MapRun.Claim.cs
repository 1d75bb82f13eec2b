using System;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping;

internal sealed partial class MapRun<TIn, TOut>
{
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
            if (!range.TryClaim(loop.FromBack, wanted, 2 * Degree, out var start, out var taken))
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
