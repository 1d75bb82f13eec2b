using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ParallelGen.Mapping;

/// <summary>
/// The items a map has read from a lazy source but not yet handed to a worker, in input order. A map that returns an
/// array reads a quarter of what it has read so far ahead of its workers, up to <see cref="MaxAhead"/> items. When
/// the source ends, its last items are therefore all here, and the workers claim them from both ends as they do on
/// an array (see <see cref="TwoEndedRange"/>). An input whose cost grows along it then starts its heaviest items
/// first instead of last.
/// </summary>
/// <remarks>Not thread-safe: the map uses it under its claim lock.</remarks>
internal sealed class ReadAhead<T>
{
    /// <summary>The most items read ahead of the workers, beyond the chunk being claimed.</summary>
    public const int MaxAhead = 16_384;

    private T[] _items = new T[16];
    private int _head;
    private int _tail;

    /// <summary>The input position of the first buffered item.</summary>
    public long First { get; private set; }

    /// <summary>How many items are buffered.</summary>
    public int Count => _tail - _head;

    /// <summary>How many items have been read from the source.</summary>
    public long Read => First + Count;

    /// <summary>Whether the source has ended: the last buffered item is then the input's last.</summary>
    public bool Ended { get; private set; }

    /// <summary>How many items to hold before a claim of <paramref name="wanted"/>: those, plus the read-ahead.</summary>
    public int Target(int wanted) => (int)Math.Min(int.MaxValue / 4, wanted + Math.Min(MaxAhead, Read / 4));

    /// <summary>Reads from <paramref name="source"/> until <paramref name="target"/> items are buffered; false when the source ended first.</summary>
    public bool Fill(IEnumerator<T> source, int target)
    {
        while (Count < target && !Ended)
        {
            if (_tail == _items.Length)
            {
                MakeRoom(target);
            }

            if (!source.MoveNext())
            {
                Ended = true;
                break;
            }

            _items[_tail++] = source.Current;
        }

        return !Ended;
    }

    /// <summary>Buffers one item read from the source.</summary>
    public void Add(T item)
    {
        if (_tail == _items.Length)
        {
            MakeRoom(Count + 1);
        }

        _items[_tail++] = item;
    }

    /// <summary>Records that the source has ended.</summary>
    public void End() => Ended = true;

    /// <summary>
    /// With nothing buffered: records that <paramref name="read"/> items went from the source straight to a worker
    /// (and whether the source then ended), and returns the input position of the first of them.
    /// </summary>
    public long PassedStraight(int read, bool ended)
    {
        if (Count != 0)
        {
            throw new InvalidOperationException("Buffered items come first: read straight through only when none are left.");
        }

        var position = First;
        First += read;
        Ended |= ended;
        return position;
    }

    /// <summary>
    /// Moves the first (or, <paramref name="fromBack"/>, the last) <paramref name="take"/> buffered items into
    /// <paramref name="into"/>, in input order, and returns the input position of the first of them. The back may be
    /// taken from only once the source has <see cref="Ended"/>: until then it is not the input's end, and the items
    /// read next would not follow on from what is left.
    /// </summary>
    public long Take(bool fromBack, int take, T[] into)
    {
        if (take <= 0 || take > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(take), take, "Take between 1 and Count items.");
        }

        if (fromBack && !Ended)
        {
            throw new InvalidOperationException("Items are taken from the back only once the source has ended.");
        }

        var from = fromBack ? _tail - take : _head;
        Array.Copy(_items, from, into, 0, take);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(_items, from, take);
        }

        long position;
        if (fromBack)
        {
            _tail -= take;
            position = First + Count;
        }
        else
        {
            _head += take;
            position = First;
            First += take;
        }

        if (Count == 0)
        {
            _head = _tail = 0;
        }

        return position;
    }

    /// <summary>Makes room at the tail: moves the items to the front, or into an array twice the target when that is too small.</summary>
    private void MakeRoom(int target)
    {
        var count = Count;
        var items = _items;
        if (items.Length < 2 * (long)target)
        {
            items = new T[(int)Math.Min(Array.MaxLength, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)target * 2))];
        }

        Array.Copy(_items, _head, items, 0, count);
        if (ReferenceEquals(items, _items) && RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(items, count, _tail - count);
        }

        _items = items;
        _head = 0;
        _tail = count;
    }
}
