using System;
using System.Buffers.Binary;

namespace ParallelGen;

/// <summary>The fixed-size values generated serializers write besides those in <c>WireWriter.cs</c>.</summary>
public sealed partial class WireWriter
{
    /// <summary>Writes a signed byte.</summary>
    public void WriteSByte(sbyte value) => WriteByte(unchecked((byte)value));

    /// <summary>Writes a 16-bit integer.</summary>
    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(GetSpan(2), value);

    /// <summary>Writes an unsigned 16-bit integer.</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(GetSpan(2), value);

    /// <summary>Writes an unsigned 32-bit integer.</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(GetSpan(4), value);

    /// <summary>Writes an unsigned 64-bit integer.</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(GetSpan(8), value);

    /// <summary>Writes a character as its UTF-16 code unit.</summary>
    public void WriteChar(char value) => WriteUInt16(value);

    /// <summary>Writes a single-precision float.</summary>
    public void WriteSingle(float value) => BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), BitConverter.SingleToInt32Bits(value));

    /// <summary>Writes a decimal as its four 32-bit parts.</summary>
    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            WriteInt32(part);
        }
    }

    /// <summary>Writes a GUID as its 16 bytes.</summary>
    public void WriteGuid(Guid value)
    {
        if (!value.TryWriteBytes(GetSpan(16)))
        {
            throw new InvalidOperationException("A GUID takes 16 bytes.");
        }
    }

    /// <summary>Writes a date and time with its kind (a local time as its UTC instant).</summary>
    public void WriteDateTime(DateTime value)
    {
        // The kind takes the top two bits; a local time travels as its UTC instant and the reader converts it back to
        // the reader's local time, as DateTime.ToBinary does.
        var ticks = value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;
        WriteInt64(ticks | ((long)value.Kind << 62));
    }

    /// <summary>Writes a date and time with its offset (ticks, then offset minutes).</summary>
    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        WriteInt64(value.Ticks);
        WriteInt16((short)value.TotalOffsetMinutes);
    }

    /// <summary>Writes a time span as its ticks.</summary>
    public void WriteTimeSpan(TimeSpan value) => WriteInt64(value.Ticks);

    /// <summary>Writes a date as its day number.</summary>
    public void WriteDateOnly(DateOnly value) => WriteInt32(value.DayNumber);

    /// <summary>Writes a time of day as its ticks.</summary>
    public void WriteTimeOnly(TimeOnly value) => WriteInt64(value.Ticks);

    /// <summary>Writes whether a value follows (a reference type's null, a <see cref="Nullable{T}"/> without a value).</summary>
    public void WritePresence(bool present) => WriteBoolean(present);

    /// <summary>Writes a count of the elements that follow.</summary>
    public void WriteCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteInt32(count);
    }
}
