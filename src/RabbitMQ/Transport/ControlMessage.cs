using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>A broadcast to every worker: "cancel batch B of caller C" (drop its items not started, cancel the
/// running ones' tokens), or "caller C asks who serves" (a census: every worker answers with its
/// <see cref="PresenceMessage"/>).</summary>
internal readonly record struct ControlMessage(string CallerId, long BatchId, bool IsCensus)
{
    private const byte CancelVersion = 1;
    private const byte CensusVersion = 2;

    public static void WriteCancel(WireWriter writer, string callerId, long batchId)
    {
        writer.WriteByte(CancelVersion);
        writer.WriteString(callerId);
        writer.WriteInt64(batchId);
    }

    public static void WriteCensus(WireWriter writer, string callerId)
    {
        writer.WriteByte(CensusVersion);
        writer.WriteString(callerId);
    }

    public static ControlMessage Read(System.ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body);
        return reader.ReadByte() switch
        {
            CancelVersion => new ControlMessage(reader.ReadString() ?? string.Empty, reader.ReadInt64(), IsCensus: false),
            CensusVersion => new ControlMessage(reader.ReadString() ?? string.Empty, 0, IsCensus: true),
            _ => throw new System.IO.InvalidDataException("Unknown control message."),
        };
    }
}
