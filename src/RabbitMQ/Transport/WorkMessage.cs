using System;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// Items as they travel to a worker, one message per run of consecutive items of a caller's batch (so tiny items
/// share the per-message costs: a confirm, an ack, a disk write): format version, method id, batch id, the index of
/// the first item and the count, the item timeout, the serialized instance (instance methods) and each item's
/// serialized arguments. The caller id is the routing key and the reply queue the message's <c>reply_to</c>.
/// A message of several items that comes back from a lost worker is split into one message per item, so a poison item
/// uses up its delivery limit alone.
/// </summary>
internal sealed record WorkMessage(string MethodId, long BatchId, int FirstIndex, long TimeoutMilliseconds, ReadOnlyMemory<byte>? Target, ReadOnlyMemory<byte>[] Arguments)
{
    public const byte Version = 2;

    /// <summary>The largest message a worker accepts (64 MiB); a larger one is dead-lettered as malformed.</summary>
    public const int MaxSize = 64 << 20;

    public int Count => Arguments.Length;

    /// <summary>Writes the header; <see cref="WriteItem"/> follows once per item (<paramref name="count"/> times).</summary>
    public static void WriteHeader(WireWriter writer, string methodId, long batchId, int firstIndex, int count, long timeoutMilliseconds, ReadOnlySpan<byte> target, bool hasTarget)
    {
        writer.WriteByte(Version);
        writer.WriteString(methodId);
        writer.WriteInt64(batchId);
        writer.WriteInt32(firstIndex);
        writer.WriteInt32(count);
        writer.WriteInt64(timeoutMilliseconds);
        writer.WriteBoolean(hasTarget);
        if (hasTarget)
        {
            writer.WriteBytes(target);
        }
    }

    /// <summary>Sets the item count of a message written with a provisional count.</summary>
    public static void PatchCount(Span<byte> body, string methodId, int count) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(body.Slice(1 + 4 + System.Text.Encoding.UTF8.GetByteCount(methodId) + 8 + 4), count);

    /// <summary>Writes one item's serialized arguments.</summary>
    public static void WriteItem(WireWriter writer, ReadOnlySpan<byte> arguments) => writer.WriteBytes(arguments);

    /// <summary>Writes this message's item <paramref name="offset"/> alone, as its own message.</summary>
    public byte[] Single(int offset)
    {
        var writer = new WireWriter(Arguments[offset].Length + 64);
        WriteHeader(writer, MethodId, BatchId, FirstIndex + offset, 1, TimeoutMilliseconds, Target is { } t ? t.Span : default, Target.HasValue);
        WriteItem(writer, Arguments[offset].Span);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a message; a malformed one throws <see cref="System.IO.InvalidDataException"/>.</summary>
    public static WorkMessage Read(ReadOnlyMemory<byte> body)
    {
        if (body.Length > MaxSize)
        {
            throw new System.IO.InvalidDataException($"The message is {body.Length} bytes, over the {MaxSize}-byte limit.");
        }

        var reader = new WireReader(body);
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new System.IO.InvalidDataException($"Unknown message format version {version} (this worker reads {Version}).");
        }

        var methodId = reader.ReadString() ?? throw new System.IO.InvalidDataException("The message names no method.");
        var batchId = reader.ReadInt64();
        var firstIndex = reader.ReadInt32();
        var count = reader.ReadCount(minimumElementSize: 4);
        if (firstIndex < 0 || count == 0)
        {
            throw new System.IO.InvalidDataException($"A message must carry items (first index {firstIndex}, count {count}).");
        }

        var timeout = reader.ReadInt64();
        ReadOnlyMemory<byte>? target = reader.ReadBoolean() ? Slice(body, reader) : null;
        var arguments = new ReadOnlyMemory<byte>[count];
        for (var i = 0; i < count; i++)
        {
            arguments[i] = Slice(body, reader);
        }

        if (reader.Remaining != 0)
        {
            throw new System.IO.InvalidDataException($"{reader.Remaining} bytes follow the end of the message.");
        }

        return new WorkMessage(methodId, batchId, firstIndex, timeout, target, arguments);
    }

    private static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> body, WireReader reader)
    {
        var size = reader.ReadInt32();
        var start = body.Length - reader.Remaining;
        reader.ReadSpan(size);
        return body.Slice(start, size);
    }
}
