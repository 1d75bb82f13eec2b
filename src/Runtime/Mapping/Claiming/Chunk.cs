using System;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// The items a worker holds: input positions <see cref="Start"/> to <see cref="Start"/> + <see cref="Count"/>, read
/// from <see cref="Items"/> (from <see cref="Offset"/>) when the source had to be read, else by index from the source.
/// Claim sources fill it; the worker that owns it runs it.
/// </summary>
internal sealed class Chunk<TIn>(bool fromBack)
{
    /// <summary>The most items one claim takes.</summary>
    public const int MaxSize = 1 << 16;

    private TIn[]? _buffer;

    /// <summary>Whether the owner claims indexed items from the back (see <see cref="TwoEndedRange"/>).</summary>
    public bool FromBack { get; } = fromBack;

    /// <summary>The input position of the first item.</summary>
    public long Start { get; private set; }

    /// <summary>How many items the chunk holds.</summary>
    public int Count { get; private set; }

    /// <summary>The items, when the source was read into a buffer; <see langword="null"/> when they are taken by index.</summary>
    public TIn[]? Items { get; private set; }

    /// <summary>Where the chunk's first item is in <see cref="Items"/>.</summary>
    public int Offset { get; private set; }

    /// <summary>Makes the chunk hold <paramref name="count"/> items from input position <paramref name="start"/>.</summary>
    public void Set(long start, int count, TIn[]? items, int offset)
    {
        Start = start;
        Count = count;
        Items = items;
        Offset = offset;
    }

    /// <summary>The owner's reusable buffer, with room for at least <paramref name="size"/> items.</summary>
    public TIn[] Buffer(int size)
    {
        if (_buffer is null || _buffer.Length < size)
        {
            _buffer = new TIn[Math.Max(size, Math.Min(MaxSize, (_buffer?.Length ?? 4) * 2))];
        }

        return _buffer;
    }
}
