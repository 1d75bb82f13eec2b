using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;

namespace ParallelGen;

/// <summary>
/// Reads what <see cref="WireWriter"/> wrote. Every read checks the remaining length: a truncated or malformed
/// payload throws <see cref="InvalidDataException"/>, never reads past its end or allocates what a length claims
/// beyond the bytes present.
/// </summary>
public sealed partial class WireReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private int _position;

    /// <summary>Reads <paramref name="data"/> from its start.</summary>
    public WireReader(ReadOnlyMemory<byte> data) => _data = data;

    /// <summary>The number of bytes not yet read.</summary>
    public int Remaining => _data.Length - _position;

    /// <summary>Takes the next <paramref name="size"/> bytes.</summary>
    public ReadOnlySpan<byte> ReadSpan(int size)
    {
        if (size < 0 || size > Remaining)
        {
            throw new InvalidDataException($"The payload is truncated: {size} bytes wanted, {Remaining} left.");
        }

        var span = _data.Span.Slice(_position, size);
        _position += size;
        return span;
    }

    /// <summary>Reads a boolean.</summary>
    public bool ReadBoolean() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var other => throw new InvalidDataException($"A boolean must be 0 or 1, not {other}."),
    };

    /// <summary>Reads one byte.</summary>
    public byte ReadByte() => ReadSpan(1)[0];

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(4));

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadSpan(8));

    /// <summary>Reads a double.</summary>
    public double ReadDouble() => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(ReadSpan(8)));

    /// <summary>Reads a count of elements that follow, each at least <paramref name="minimumElementSize"/> bytes:
    /// a count the remaining bytes cannot hold is malformed.</summary>
    public int ReadCount(int minimumElementSize = 1)
    {
        var count = ReadInt32();
        if (count < 0 || (long)count * Math.Max(1, minimumElementSize) > Remaining)
        {
            throw new InvalidDataException($"A count of {count} does not fit the {Remaining} bytes left.");
        }

        return count;
    }

    /// <summary>Reads a string, or null.</summary>
    public string? ReadString()
    {
        var size = ReadInt32();
        if (size == -1)
        {
            return null;
        }

        return Encoding.UTF8.GetString(ReadSpan(size));
    }

    /// <summary>Reads length-prefixed raw bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes() => ReadSpan(ReadInt32());
}
