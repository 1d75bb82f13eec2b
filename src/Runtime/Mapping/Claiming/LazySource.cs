using System;
using System.Threading;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// What the sources that read their input one item at a time share: the position of the next item, whether the
/// input has ended, and the window check. Subclasses claim under their own lock.
/// </summary>
internal abstract class LazySource<TIn>(ClaimWindow? window) : ClaimSource<TIn>
{
    private volatile bool _exhausted;
    private long _total = -1;

    /// <summary>The input position of the next item read (guarded by the subclass's lock; read racily for the window).</summary>
    protected long Next { get; set; }

    /// <summary>Whether the input has ended (or failed).</summary>
    protected bool Exhausted => _exhausted;

    /// <inheritdoc/>
    public override bool HasUnclaimed => !_exhausted;

    /// <inheritdoc/>
    public override long Total => Interlocked.Read(ref _total);

    /// <inheritdoc/>
    public override bool WindowHasRoom => window is null || window.RoomFrom(Next) > 0;

    /// <summary>Marks the input ended after <paramref name="read"/> items (or failed, when that is unknown).</summary>
    protected void End(long read)
    {
        if (read >= 0)
        {
            Interlocked.Exchange(ref _total, read);
        }

        _exhausted = true;
    }

    /// <summary>The chunk to take, capped by the window when streaming; false when the window is full.</summary>
    protected bool TryTakeWithinWindow(int wanted, out int take)
    {
        take = wanted;
        if (window is null)
        {
            return true;
        }

        var room = window.RoomFrom(Next);
        take = (int)Math.Min(take, Math.Max(0, room));
        return room > 0;
    }

    /// <summary>Hands the <paramref name="got"/> items read into <paramref name="buffer"/> to the chunk.</summary>
    protected ClaimResult Claimed(Chunk<TIn> chunk, TIn[] buffer, int got, bool ended)
    {
        var start = Next;
        Next = start + got;
        if (ended)
        {
            End(Next);
        }

        if (got == 0)
        {
            return ClaimResult.Exhausted;
        }

        chunk.Set(start, got, buffer, 0);
        return ClaimResult.Claimed;
    }
}
