using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure;

/// <summary>
/// The body of a <c>[Parallelizable]</c> method as the generated wrappers hand it to the runtime: either a
/// synchronous function or an asynchronous one that workers await (never block on). Not for direct use.
/// </summary>
/// <typeparam name="TIn">The item: the method's parameter, or a value tuple of its parameters.</typeparam>
/// <typeparam name="TOut">The method's result.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public readonly struct WorkBody<TIn, TOut>
{
    private WorkBody(Func<TIn, CancellationToken, TOut>? sync, Func<TIn, CancellationToken, ValueTask<TOut>>? async, ChunkBody<TIn, TOut>? chunk = null)
    {
        SyncBody = sync;
        AsyncBody = async;
        ChunkBody = chunk;
    }

    /// <summary>The synchronous form, or <see langword="null"/>.</summary>
    public Func<TIn, CancellationToken, TOut>? SyncBody { get; }

    /// <summary>The synchronous form over a run of items (a loop calling the method directly), or <see langword="null"/>.</summary>
    public ChunkBody<TIn, TOut>? ChunkBody { get; }

    /// <summary>The asynchronous form, or <see langword="null"/>.</summary>
    public Func<TIn, CancellationToken, ValueTask<TOut>>? AsyncBody { get; }

    /// <summary>Wraps a synchronous method.</summary>
    public static WorkBody<TIn, TOut> Sync(Func<TIn, CancellationToken, TOut> body) =>
        new(body ?? throw new ArgumentNullException(nameof(body)), null);

    /// <summary>Wraps a synchronous method that takes no cancellation token, with its loop over a run of items.</summary>
    public static WorkBody<TIn, TOut> Sync(Func<TIn, CancellationToken, TOut> body, ChunkBody<TIn, TOut> chunk) =>
        new(body ?? throw new ArgumentNullException(nameof(body)), null, chunk ?? throw new ArgumentNullException(nameof(chunk)));

    /// <summary>Wraps an asynchronous method (<c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>).</summary>
    public static WorkBody<TIn, TOut> Async(Func<TIn, CancellationToken, ValueTask<TOut>> body) =>
        new(null, body ?? throw new ArgumentNullException(nameof(body)));

    /// <summary>Runs the body for one item.</summary>
    public ValueTask<TOut> InvokeAsync(TIn item, CancellationToken cancellationToken) =>
        SyncBody is { } sync ? new ValueTask<TOut>(sync(item, cancellationToken)) : AsyncBody!(item, cancellationToken);
}
