using System;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// "Worker MACHINE/PID serves with CONCURRENCY slots, and says so again every PERIOD": published by each worker to the
/// presence exchange (which every caller's reply queue is bound to) when it starts serving, every period, when a
/// caller asks (a census on the control exchange), and with 0 slots when it leaves. A caller adds up the slots of the
/// workers it heard from within the last three periods: that is the cluster's width
/// (<see cref="RabbitMqExecutor.WorkerSlots"/>).
/// </summary>
internal sealed record PresenceMessage(string WorkerId, int Concurrency, int PeriodMilliseconds)
{
    /// <summary>The AMQP <c>type</c> property that tells a presence notice from a result on the reply queue.</summary>
    public const string Type = "parallelgen.presence";

    private const byte Version = 1;

    public static byte[] Write(string workerId, int concurrency, int periodMilliseconds)
    {
        var writer = new WireWriter(64);
        writer.WriteByte(Version);
        writer.WriteString(workerId);
        writer.WriteInt32(concurrency);
        writer.WriteInt32(periodMilliseconds);
        return writer.WrittenSpan.ToArray();
    }

    public static PresenceMessage Read(ReadOnlyMemory<byte> body)
    {
        var reader = new WireReader(body);
        if (reader.ReadByte() != Version)
        {
            throw new System.IO.InvalidDataException("Unknown presence notice format.");
        }

        var worker = reader.ReadString() ?? string.Empty;
        var concurrency = reader.ReadInt32();
        var period = reader.ReadInt32();
        if (concurrency < 0 || period <= 0)
        {
            throw new System.IO.InvalidDataException($"A presence notice with {concurrency} slots every {period} ms.");
        }

        return new PresenceMessage(worker, concurrency, period);
    }
}
