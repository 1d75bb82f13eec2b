using System;
using System.Collections.Generic;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// Unstarted rests of chunks that busy workers handed back (a worker that runs out of work asks them to), claimed
/// before the source, half a rest at a time, so a chunk that turns out to hold heavy items is split after the item
/// in progress.
/// </summary>
internal sealed class ReturnedChunks<TIn>
{
    private readonly Stack<Rest> _rests = new();
    private volatile int _count;

    /// <summary>How many rests wait to be claimed.</summary>
    public int Count => _count;

    /// <summary>Claims up to <paramref name="wanted"/> items (at most half of the newest rest) into <paramref name="chunk"/>.</summary>
    public bool TryClaim(Chunk<TIn> chunk, int wanted)
    {
        lock (_rests)
        {
            if (_rests.Count == 0)
            {
                return false;
            }

            var rest = _rests.Pop();
            var take = Math.Min(wanted, Math.Max(1, (rest.Count + 1) / 2));
            if (take < rest.Count)
            {
                _rests.Push(new Rest(rest.Start + take, rest.Count - take, rest.Items, rest.Items is null ? 0 : rest.Offset + take));
            }

            _count = _rests.Count;
            chunk.Set(rest.Start, take, rest.Items, rest.Offset);
            return true;
        }
    }

    /// <summary>Hands back the items <paramref name="from"/>.. of <paramref name="chunk"/> (copied: the chunk's buffer is reused).</summary>
    public void Return(Chunk<TIn> chunk, int from)
    {
        var count = chunk.Count - from;
        TIn[]? items = null;
        if (chunk.Items is { } source)
        {
            items = new TIn[count];
            Array.Copy(source, chunk.Offset + from, items, 0, count);
        }

        lock (_rests)
        {
            _rests.Push(new Rest(chunk.Start + from, count, items, 0));
            _count = _rests.Count;
        }
    }

    private readonly record struct Rest(long Start, int Count, TIn[]? Items, int Offset);
}
