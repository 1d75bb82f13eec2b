using System;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// What every <see cref="WorkMessage"/> of one caller's batch repeats in its header: the instance of an instance
/// method (serialized once per batch) and the item timeout in milliseconds (0: none).
/// </summary>
internal readonly record struct BatchHeader(bool HasTarget, ReadOnlyMemory<byte> Target, long TimeoutMilliseconds)
{
    /// <summary>The header parts of a batch of <paramref name="method"/> on <paramref name="target"/>.</summary>
    public static BatchHeader For<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, TimeSpan? itemTimeout)
    {
        var hasTarget = method.HasTarget && target is not null;
        var bytes = ReadOnlyMemory<byte>.Empty;
        if (hasTarget)
        {
            var writer = new WireWriter();
            method.WriteTarget(writer, target!);
            bytes = writer.WrittenMemory;
        }

        var timeout = itemTimeout is { } t && t > TimeSpan.Zero ? (long)Math.Ceiling(t.TotalMilliseconds) : 0L;
        return new BatchHeader(hasTarget, bytes, timeout);
    }
}
