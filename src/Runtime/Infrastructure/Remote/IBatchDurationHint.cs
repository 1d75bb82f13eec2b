using System;
using System.ComponentModel;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// Implemented by an <see cref="IBatchExecutor"/> whose round trip per batch is long (a broker: a publish with a
/// confirm, a delivery, a result with a confirm, an ack), so that the map engine's adaptive batches are sized to last
/// about <see cref="TargetBatchDuration"/>, round trip included, instead of the engine's default of 10 ms — batches of
/// tiny items then grow until the round trip is a small share of each. A fixed <c>ChunkSize</c> still overrides it.
/// Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public interface IBatchDurationHint
{
    /// <summary>How long an adaptive batch should last, round trip included; zero or less for the engine's default.</summary>
    TimeSpan TargetBatchDuration { get; }
}
