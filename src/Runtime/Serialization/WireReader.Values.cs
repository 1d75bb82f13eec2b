using System;
using System.Buffers.Binary;
using System.IO;

namespace ParallelGen;

/// <summary>
/// The fixed-size values generated serializers read besides those in <c>WireReader.cs</c>. A value the type cannot
/// hold (a date past its range, a decimal with a bad scale) throws <see cref="InvalidDataException"/>.
/// </summary>
public sealed partial class WireReader
{
    private const long TicksMask = 0x3FFF_FFFF_FFFF_FFFF;

    /// <summary>Reads a signed byte.</summary>
    public sbyte ReadSByte() => unchecked((sbyte)ReadByte());

    /// <summary>Reads a 16-bit integer.</summary>
    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(ReadSpan(2));

    /// <summary>Reads an unsigned 16-bit integer.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadSpan(2));

    /// <summary>Reads an unsigned 32-bit integer.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadSpan(4));

    /// <summary>Reads an unsigned 64-bit integer.</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadSpan(8));

    /// <summary>Reads a character.</summary>
    public char ReadChar() => (char)ReadUInt16();

    /// <summary>Reads a single-precision float.</summary>
    public float ReadSingle() => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32LittleEndian(ReadSpan(4)));

    /// <summary>Reads a decimal.</summary>
    public decimal ReadDecimal()
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = ReadInt32();
        }

        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The bytes do not form a decimal.", e);
        }
    }

    /// <summary>Reads a GUID.</summary>
    public Guid ReadGuid() => new(ReadSpan(16));

    /// <summary>Reads a date and time with its kind.</summary>
    public DateTime ReadDateTime()
    {
        var raw = ReadInt64();
        var kind = (DateTimeKind)(int)((ulong)raw >> 62);
        var ticks = raw & TicksMask;
        if (kind > DateTimeKind.Local || ticks > DateTime.MaxValue.Ticks)
        {
            throw new InvalidDataException($"The value {raw} is not a DateTime.");
        }

        return kind == DateTimeKind.Local ? new DateTime(ticks, DateTimeKind.Utc).ToLocalTime() : new DateTime(ticks, kind);
    }

    /// <summary>Reads a date and time with its offset.</summary>
    public DateTimeOffset ReadDateTimeOffset()
    {
        var ticks = ReadInt64();
        var minutes = ReadInt16();
        try
        {
            return new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException("The bytes do not form a DateTimeOffset.", e);
        }
    }

    /// <summary>Reads a time span.</summary>
    public TimeSpan ReadTimeSpan() => new(ReadInt64());

    /// <summary>Reads a date.</summary>
    public DateOnly ReadDateOnly()
    {
        var day = ReadInt32();
        if (day < 0 || day > DateOnly.MaxValue.DayNumber)
        {
            throw new InvalidDataException($"Day {day} is not a DateOnly.");
        }

        return DateOnly.FromDayNumber(day);
    }

    /// <summary>Reads a time of day.</summary>
    public TimeOnly ReadTimeOnly()
    {
        var ticks = ReadInt64();
        if (ticks < 0 || ticks > TimeOnly.MaxValue.Ticks)
        {
            throw new InvalidDataException($"{ticks} ticks is not a TimeOnly.");
        }

        return new TimeOnly(ticks);
    }

    /// <summary>Reads whether a value follows, as written by <see cref="WireWriter.WritePresence"/>.</summary>
    public bool ReadPresence() => ReadBoolean();
}
