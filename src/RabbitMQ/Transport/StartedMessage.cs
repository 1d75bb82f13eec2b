using System;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// "Worker MACHINE/PID started item I of batch B": sent to the caller's reply queue, confirmed, before a worker runs
/// an item that may be the one that kills workers (a redelivered item, an item split or republished after a lost
/// delivery, or any item when the delivery limit is 1). If the item then uses up its delivery limit, the caller names
/// the last worker that held it in <see cref="WorkerCrashedException.ProcessId"/> and the message. Items on their first
/// delivery are not reported (it would cost a confirmed publish per message): a worker lost there gets its item
/// redelivered, and the redelivery is reported.
/// </summary>
internal sealed record StartedMessage(long BatchId, int Index, string Machine, int ProcessId)
{
    /// <summary>The AMQP <c>type</c> property that tells a start notice from a result on the reply queue.</summary>
    public const string Type = "parallelgen.started";

    private const byte Version = 1;

    public static byte[] Write(long batchId, int index, string machine, int processId)
    {
        var writer = new WireWriter(64);
        writer.WriteByte(Version);
        writer.WriteInt64(batchId);
        writer.WriteInt32(index);
        writer.WriteString(machine);
        writer.WriteInt32(processId);
        return writer.WrittenSpan.ToArray();
    }

    public static StartedMessage Read(ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body);
        if (reader.ReadByte() != Version)
        {
            throw new System.IO.InvalidDataException("Unknown start notice format.");
        }

        return new StartedMessage(reader.ReadInt64(), reader.ReadInt32(), reader.ReadString() ?? string.Empty, reader.ReadInt32());
    }
}
