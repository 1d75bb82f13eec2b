using System;
using System.Diagnostics;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// How many items a worker claims next. Adaptive: a chunk should last about <see cref="TargetTicks"/>, measured on
/// the worker's last chunk, so tiny items are batched (dispatch costs stay far below the work) and expensive ones go
/// one at a time; it grows at most 32x a step and shrinks at once. A fixed size (options or attribute) overrides it.
/// Streaming maps cap it so that every worker's chunk fits the window a few times over.
/// </summary>
internal sealed class ChunkSizer
{
    /// <summary>The chunk length aimed at for threads: 50 µs.</summary>
    public static readonly long ThreadTargetTicks = Math.Max(1, Stopwatch.Frequency / 20_000);

    /// <summary>
    /// The batch length aimed at for workers outside the process: 10 ms, so a round trip of a fraction of a
    /// millisecond is a few percent of a batch. The measured cost per item includes the round trip, so batches of
    /// tiny items grow until the round trip is paid for.
    /// </summary>
    public static readonly long BatchTargetTicks = Math.Max(1, Stopwatch.Frequency / 100);

    private readonly int _fixed;
    private readonly int _cap;

    /// <summary>Creates a sizer.</summary>
    /// <param name="fixedSize">A fixed chunk size, or 0 to adapt.</param>
    /// <param name="targetTicks">How long an adaptive chunk should last, in <see cref="Stopwatch"/> ticks.</param>
    /// <param name="cap">The largest chunk (streaming: a share of the window), or <see cref="int.MaxValue"/>.</param>
    public ChunkSizer(int fixedSize, long targetTicks, int cap)
    {
        _fixed = Math.Max(0, fixedSize);
        TargetTicks = Math.Max(1, targetTicks);
        _cap = Math.Max(1, cap);
    }

    /// <summary>How long an adaptive chunk should last.</summary>
    public long TargetTicks { get; }

    /// <summary>The cap of a streaming map of <paramref name="degree"/> workers over a window of <paramref name="window"/> items.</summary>
    public static int StreamingCap(int window, int degree) => Math.Max(1, window / (4 * degree));

    /// <summary>The size of the next claim of a worker whose adaptive size is <paramref name="current"/>.</summary>
    public int Wanted(int current) => Math.Min(_fixed > 0 ? _fixed : current, _cap);

    /// <summary>The next adaptive size, after <paramref name="done"/> items took <paramref name="elapsedTicks"/>.</summary>
    public int Next(int current, int done, long elapsedTicks)
    {
        if (_fixed > 0 || done <= 0)
        {
            return current;
        }

        var next = elapsedTicks <= 0 ? (long)current * 32 : done * TargetTicks / elapsedTicks;
        return (int)Math.Clamp(next, 1, Math.Min((long)current * 32, Chunk<int>.MaxSize));
    }
}
