using System;
using System.Collections.Generic;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>What a worker sends back for one item.</summary>
internal enum ResultKind : byte
{
    /// <summary>The method returned; the payload is its serialized result.</summary>
    Value = 0,

    /// <summary>The method threw; the payload is the exception as data (<see cref="ExceptionData"/>).</summary>
    Exception = 1,
}

/// <summary>One item's outcome within a <see cref="ResultMessage"/>.</summary>
internal readonly record struct ItemOutcome(int Index, ResultKind Kind, ReadOnlyMemory<byte> Payload);

/// <summary>
/// The outcomes of one work message's items as they travel back to the caller: format version, batch id, the worker
/// that ran them (host/pid), then each item's index, kind and payload. Items a worker skipped (their batch was
/// cancelled) are left out.
/// </summary>
internal sealed record ResultMessage(long BatchId, string Worker, IReadOnlyList<ItemOutcome> Outcomes)
{
    public const byte Version = 3;

    public static void WriteHeader(WireWriter writer, long batchId, string worker, int count)
    {
        writer.WriteByte(Version);
        writer.WriteInt64(batchId);
        writer.WriteString(worker);
        writer.WriteInt32(count);
    }

    public static void WriteOutcome(WireWriter writer, int index, ResultKind kind, ReadOnlySpan<byte> payload)
    {
        writer.WriteInt32(index);
        writer.WriteByte((byte)kind);
        writer.WriteBytes(payload);
    }

    public static ResultMessage Read(ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body);
        var version = reader.ReadByte();
        if (version != Version)
        {
            throw new System.IO.InvalidDataException($"Unknown result format version {version}.");
        }

        var batchId = reader.ReadInt64();
        var worker = reader.ReadString() ?? string.Empty;
        var count = reader.ReadCount(minimumElementSize: 9);
        var outcomes = new ItemOutcome[count];
        for (var i = 0; i < count; i++)
        {
            var index = reader.ReadInt32();
            var kind = (ResultKind)reader.ReadByte();
            if (kind is not (ResultKind.Value or ResultKind.Exception))
            {
                throw new System.IO.InvalidDataException($"Unknown result kind {(byte)kind}.");
            }

            var size = reader.ReadInt32();
            var start = body.Length - reader.Remaining;
            reader.ReadSpan(size);
            outcomes[i] = new ItemOutcome(index, kind, body.Slice(start, size));
        }

        return new ResultMessage(batchId, worker, outcomes);
    }
}
