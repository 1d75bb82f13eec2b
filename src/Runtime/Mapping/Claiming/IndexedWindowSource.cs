using System;
using System.Threading;

namespace ParallelGen.Mapping.Claiming;

/// <summary>An indexable input of a streaming map: claimed in input order by compare-and-swap, within the window.</summary>
internal sealed class IndexedWindowSource<TIn>(long count, ClaimWindow window) : ClaimSource<TIn>
{
    private long _next;

    /// <inheritdoc/>
    public override bool HasUnclaimed => Volatile.Read(ref _next) < count;

    /// <inheritdoc/>
    public override long Total => count;

    /// <inheritdoc/>
    public override bool WindowHasRoom => window.RoomFrom(Volatile.Read(ref _next)) > 0;

    /// <inheritdoc/>
    public override ClaimResult Claim(Chunk<TIn> chunk, int wanted)
    {
        while (true)
        {
            var next = Volatile.Read(ref _next);
            if (next >= count)
            {
                return ClaimResult.Exhausted;
            }

            var room = window.RoomFrom(next);
            if (room <= 0)
            {
                return ClaimResult.WindowFull;
            }

            var take = Math.Min(Math.Min(wanted, room), count - next);
            if (Interlocked.CompareExchange(ref _next, next + take, next) == next)
            {
                chunk.Set(next, (int)take, null, 0);
                return ClaimResult.Claimed;
            }
        }
    }
}
