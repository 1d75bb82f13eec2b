using System;
using System.Threading;

namespace ParallelGen.Mapping.Sinks;

/// <summary>
/// Results of a lazy input (its length unknown until it ends): segments of 16,384 results, added as claims reach
/// them and copied into one array at the end. Segments are never moved, so workers store without a lock.
/// </summary>
internal sealed class SegmentedArraySink<TIn, TOut> : ResultSink<TIn, TOut>, IResultLane<TIn, TOut>
{
    private const int SegmentShift = 14;
    private const int SegmentSize = 1 << SegmentShift;
    private const int SegmentMask = SegmentSize - 1;

    private readonly object _lock = new();
    private TOut[][] _segments = new TOut[4][];
    private long _reserved;

    /// <inheritdoc/>
    public override bool NeedsReserve => true;

    /// <inheritdoc/>
    public override void Reserve(long upTo)
    {
        if (Volatile.Read(ref _reserved) >= upTo)
        {
            return;
        }

        lock (_lock)
        {
            var needed = (int)((upTo + SegmentMask) >> SegmentShift);
            var segments = _segments;
            if (segments.Length < needed)
            {
                var grown = new TOut[Math.Max(needed, segments.Length * 2)][];
                Array.Copy(segments, grown, segments.Length);
                segments = grown;
            }

            for (var i = 0; i < needed; i++)
            {
                segments[i] ??= new TOut[SegmentSize];
            }

            Volatile.Write(ref _segments, segments);
            Volatile.Write(ref _reserved, Math.Max(_reserved, (long)needed << SegmentShift));
        }
    }

    /// <inheritdoc/>
    public override bool KeepsResults => true;

    /// <inheritdoc/>
    public override IResultLane<TIn, TOut> Lane(bool concurrent) => this;

    /// <inheritdoc/>
    public override TOut[] Results(long total)
    {
        var results = total <= 0 ? Array.Empty<TOut>() : new TOut[total];
        var segments = _segments;
        for (long start = 0; start < total; start += SegmentSize)
        {
            var length = (int)Math.Min(SegmentSize, total - start);
            Array.Copy(segments[start >> SegmentShift], 0, results, start, length);
        }

        return results;
    }

    /// <inheritdoc/>
    public void Begin(int count)
    {
    }

    /// <inheritdoc/>
    public void Store(long index, TIn input, TOut result) => Volatile.Read(ref _segments)[index >> SegmentShift][index & SegmentMask] = result;

    /// <inheritdoc/>
    public void Failed(long index, TIn input, Exception exception)
    {
    }

    /// <inheritdoc/>
    public void Publish()
    {
    }
}
