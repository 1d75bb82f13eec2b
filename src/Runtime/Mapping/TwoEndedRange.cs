using System;
using System.Threading;

namespace ParallelGen.Mapping;

/// <summary>
/// The unclaimed indexes [front, back) of an indexable map, claimable from either end without a lock: front and back
/// are packed into one 64-bit word and moved together by compare-and-swap, so the two ends can never cross.
/// </summary>
/// <remarks>
/// Why two ends: inputs often grow in cost along the index (sizes sorted ascending, n = 1..N of a function whose cost
/// grows with n). Claimed front to back, such an input starts its heaviest items last, and the map ends with one worker
/// busy on them while the others idle (list scheduling's worst case, total / workers + longest item / 2). With half the
/// workers claiming from the back, the heaviest items start first and the workers meet at items of middling cost; on
/// an input in random order nothing changes.
/// </remarks>
internal sealed class TwoEndedRange(int count)
{
    private long _state = Pack(0, count);

    /// <summary>How many items are not yet claimed.</summary>
    public int Remaining
    {
        get
        {
            var state = Volatile.Read(ref _state);
            return Back(state) - Front(state);
        }
    }

    /// <summary>
    /// Claims up to <paramref name="wanted"/> items, but at most one <paramref name="share"/>-th of what is left (and
    /// at least one), from the front or from the back; false when nothing is left.
    /// </summary>
    public bool TryClaim(bool fromBack, int wanted, int share, out int start, out int taken)
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            var front = Front(state);
            var back = Back(state);
            var left = back - front;
            if (left <= 0)
            {
                start = taken = 0;
                return false;
            }

            taken = GuidedTake(left, wanted, share);
            start = fromBack ? back - taken : front;
            var next = fromBack ? Pack(front, back - taken) : Pack(front + taken, back);
            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Guided self-scheduling: up to <paramref name="wanted"/> of the <paramref name="left"/> items, but at most one
    /// <paramref name="share"/>-th of them (and at least one), so the tail spreads over every worker.
    /// </summary>
    public static int GuidedTake(int left, int wanted, int share) => Math.Min(left, Math.Min(wanted, Math.Max(1, left / share)));

    private static long Pack(int front, int back) => ((long)front << 32) | (uint)back;

    private static int Front(long state) => (int)(state >> 32);

    private static int Back(long state) => (int)(uint)state;
}
