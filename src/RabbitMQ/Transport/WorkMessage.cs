using System;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// One item as it travels to a worker: format version, method id, the caller's batch id and the item's index in it,
/// the item timeout, the serialized instance (instance methods) and the serialized arguments. The caller id is the
/// routing key and the reply queue the message's <c>reply_to</c>.
/// </summary>
internal readonly record struct WorkMessage(string MethodId, long BatchId, int Index, long TimeoutMilliseconds, ReadOnlyMemory<byte>? Target, ReadOnlyMemory<byte> Arguments)
{
    public const byte Version = 1;

    /// <summary>The largest message a worker accepts (64 MiB); a larger one is dead-lettered as malformed.</summary>
    public const int MaxSize = 64 << 20;

    /// <summary>Writes a whole message.</summary>
    public static void Write(WireWriter writer, string methodId, long batchId, int index, long timeoutMilliseconds, ReadOnlySpan<byte> target, bool hasTarget, ReadOnlySpan<byte> arguments)
    {
        writer.WriteByte(Version);
        writer.WriteString(methodId);
        writer.WriteInt64(batchId);
        writer.WriteInt32(index);
        writer.WriteInt64(timeoutMilliseconds);
        writer.WriteBoolean(hasTarget);
        if (hasTarget)
        {
            writer.WriteBytes(target);
        }

        writer.WriteBytes(arguments);
    }

    /// <summary>Reads the header only (batch and index), e.g. of a dead letter.</summary>
    public static (long BatchId, int Index) ReadAddress(ReadOnlyMemory<byte> body)
    {
        var message = Read(body);
        return (message.BatchId, message.Index);
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
        var index = reader.ReadInt32();
        var timeout = reader.ReadInt64();
        ReadOnlyMemory<byte>? target = null;
        if (reader.ReadBoolean())
        {
            var size = reader.ReadInt32();
            var start = body.Length - reader.Remaining;
            reader.ReadSpan(size);
            target = body.Slice(start, size);
        }

        var argumentsSize = reader.ReadInt32();
        var argumentsStart = body.Length - reader.Remaining;
        reader.ReadSpan(argumentsSize);
        if (reader.Remaining != 0)
        {
            throw new System.IO.InvalidDataException($"{reader.Remaining} bytes follow the end of the message.");
        }

        return new WorkMessage(methodId, batchId, index, timeout, target, body.Slice(argumentsStart, argumentsSize));
    }
}
