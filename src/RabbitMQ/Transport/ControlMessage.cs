using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>A broadcast to every worker: "cancel batch B of caller C" (drop its items not started, cancel the
/// running ones' tokens).</summary>
internal readonly record struct ControlMessage(string CallerId, long BatchId)
{
    private const byte CancelVersion = 1;

    public static void WriteCancel(WireWriter writer, string callerId, long batchId)
    {
        writer.WriteByte(CancelVersion);
        writer.WriteString(callerId);
        writer.WriteInt64(batchId);
    }

    public static ControlMessage Read(System.ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body);
        if (reader.ReadByte() != CancelVersion)
        {
            throw new System.IO.InvalidDataException("Unknown control message.");
        }

        return new ControlMessage(reader.ReadString() ?? string.Empty, reader.ReadInt64());
    }
}
