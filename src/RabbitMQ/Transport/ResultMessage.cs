using System;
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

/// <summary>
/// One item's outcome as it travels back to its caller: format version, batch id and index, kind, the worker that ran
/// it (host/pid) and the payload.
/// </summary>
internal readonly record struct ResultMessage(long BatchId, int Index, ResultKind Kind, string Worker, ReadOnlyMemory<byte> Payload)
{
    public const byte Version = 1;

    public static void WriteHeader(WireWriter writer, long batchId, int index, ResultKind kind, string worker)
    {
        writer.WriteByte(Version);
        writer.WriteInt64(batchId);
        writer.WriteInt32(index);
        writer.WriteByte((byte)kind);
        writer.WriteString(worker);
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
        var index = reader.ReadInt32();
        var kind = (ResultKind)reader.ReadByte();
        if (kind is not (ResultKind.Value or ResultKind.Exception))
        {
            throw new System.IO.InvalidDataException($"Unknown result kind {(byte)kind}.");
        }

        var worker = reader.ReadString() ?? string.Empty;
        return new ResultMessage(batchId, index, kind, worker, body.Slice(body.Length - reader.Remaining));
    }
}
