using System;
using System.Buffers.Binary;
using System.Text;

namespace ParallelGen;

/// <summary>
/// Writes the binary wire format that generated serializers use: little-endian fixed-size primitives,
/// length-prefixed UTF-8 strings (length -1 for null) and counts. Not thread-safe; reuse with <see cref="Reset"/>.
/// </summary>
public sealed partial class WireWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with room for <paramref name="capacity"/> bytes.</summary>
    public WireWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _length = 0;

    /// <summary>Reserves <paramref name="size"/> bytes and returns them to be filled.</summary>
    public Span<byte> GetSpan(int size)
    {
        Ensure(size);
        var span = _buffer.AsSpan(_length, size);
        _length += size;
        return span;
    }

    /// <summary>Writes a boolean as one byte.</summary>
    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);

    /// <summary>Writes a 64-bit integer.</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);

    /// <summary>Writes a double.</summary>
    public void WriteDouble(double value) => BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes a string, or null.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var size = Encoding.UTF8.GetByteCount(value);
        WriteInt32(size);
        Encoding.UTF8.GetBytes(value, GetSpan(size));
    }

    /// <summary>Writes raw bytes, length-prefixed.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteInt32(value.Length);
        value.CopyTo(GetSpan(value.Length));
    }

    private void Ensure(int size)
    {
        if (_buffer.Length - _length >= size)
        {
            return;
        }

        var grown = new byte[Math.Max(_buffer.Length * 2, _length + size)];
        _buffer.AsSpan(0, _length).CopyTo(grown);
        _buffer = grown;
    }
}
