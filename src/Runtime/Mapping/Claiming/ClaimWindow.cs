using System;
using System.Numerics;
using System.Threading;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// The bound of a streaming map: workers may claim at most <see cref="Size"/> items past what the consumer has
/// taken, so an endless source holds only a window of items and results in memory (joblib's <c>pre_dispatch</c>).
/// </summary>
internal sealed class ClaimWindow(int size)
{
    private long _consumed;

    /// <summary>How far past the consumer the workers may claim.</summary>
    public int Size { get; } = size;

    /// <summary>
    /// The window of a streaming map of <paramref name="degree"/> workers: a power of two from 1,024 to 16,384 items,
    /// a few hundred kilobytes of finished items at most, whatever the length of the source.
    /// </summary>
    public static int SizeFor(int degree) => (int)Math.Min(16_384, Math.Max(1_024, BitOperations.RoundUpToPowerOf2((uint)degree * 256)));

    /// <summary>The consumer has taken <paramref name="count"/> items in all.</summary>
    public void Consumed(long count) => Volatile.Write(ref _consumed, count);

    /// <summary>How many items past <paramref name="next"/> may be claimed before the consumer catches up.</summary>
    public long RoomFrom(long next) => Volatile.Read(ref _consumed) + Size - next;
}
