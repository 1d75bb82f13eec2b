using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// An executor whose workers live outside this process (a process pool, a cluster). The map engine claims chunks of
/// items as it does for threads and hands each chunk to <see cref="RunBatchAsync{TIn, TOut}"/>; the executor sends it
/// to one of its workers and reports each item's outcome to the sink as it arrives. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public interface IBatchExecutor : IExecutor
{
    /// <summary>
    /// Fails before any worker starts when <paramref name="method"/> cannot run remotely: not registered, or its
    /// <see cref="RemoteMethod.CannotCrossReason"/> is set. The exception names the method and the type at fault.
    /// </summary>
    void EnsureCanRun(RemoteMethod method);

    /// <summary>
    /// Runs <paramref name="items"/> on one worker. Every item gets exactly one call on <paramref name="sink"/>:
    /// its result, or its exception (the method's own exception rebuilt from data; <see cref="WorkerCrashedException"/>
    /// for the item a dying worker was running; <see cref="TimeoutException"/> after <paramref name="itemTimeout"/>;
    /// <see cref="OperationCanceledException"/> for items not started when <paramref name="cancellationToken"/> fires).
    /// Items a dead worker had not started are run on another worker, not failed. The task completes after the last
    /// call on the sink. At most two batches per worker are outstanding (one running, one queued).
    /// </summary>
    ValueTask RunBatchAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <see cref="RunBatchAsync{TIn, TOut}"/> honours a sink that is also an <see cref="IBatchStartGate"/>:
    /// it asks the gate right before an item runs, only when a worker is free to run it at once, and never runs an
    /// item the gate refuses. When <see langword="false"/> (the default) an item may sit queued at a worker after it
    /// was handed over, so a caller must treat it as started from the call on.
    /// </summary>
    bool HonoursStartGate => false;
}

/// <summary>
/// Implemented by an <see cref="IBatchSink{TOut}"/> that must know when an item really starts (a future that can still
/// be cancelled while it waits). Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public interface IBatchStartGate
{
    /// <summary>
    /// Item <paramref name="index"/> is about to run. Returns <see langword="false"/> when it must not run (it was
    /// cancelled while queued); the executor then reports it as an <see cref="OperationCanceledException"/>. Called at
    /// most once per item, possibly under the executor's lock: it must be quick and must not call the executor.
    /// </summary>
    bool TryStart(int index);
}

/// <summary>Receives the outcome of each item of a batch (index within the batch), from any thread. Not for direct use.</summary>
/// <typeparam name="TOut">The method's result.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public interface IBatchSink<in TOut>
{
    /// <summary>Item <paramref name="index"/> of the batch finished with <paramref name="result"/>.</summary>
    void OnResult(int index, TOut result);

    /// <summary>Item <paramref name="index"/> of the batch failed with <paramref name="error"/>.</summary>
    void OnError(int index, Exception error);
}
