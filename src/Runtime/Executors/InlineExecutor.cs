using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Scheduling;

namespace ParallelGen;

/// <summary>
/// Runs everything in order on the calling thread: a map becomes a plain loop, <c>Submit</c> runs the call before
/// it returns. For debugging and deterministic tests, like joblib's <c>n_jobs=1</c>.
/// </summary>
public sealed class InlineExecutor : IExecutor, IWorkItemHost
{
    private volatile bool _shutdown;

    /// <summary>A shared instance.</summary>
    public static InlineExecutor Instance { get; } = new();

    /// <summary>Always 1.</summary>
    public int MaxWorkers => 1;

    int IWorkItemHost.Capacity => 1;

    bool IWorkItemHost.CallerMayJoin => true;

    /// <inheritdoc/>
    public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ExecutorCore.Submit(this, work, cancellationToken);
    }

    /// <inheritdoc/>
    public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecutorCore.Map(this, items, body, options, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecutorCore.AsCompleted(this, items, body, options, cancellationToken);

    /// <inheritdoc/>
    public Task ShutdownAsync(bool cancelPending = false)
    {
        _shutdown = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    void IWorkItemHost.Post(WorkItem item)
    {
        if (_shutdown)
        {
            throw ExecutorCore.ShutDown();
        }

        if (item.PrefersBlocking)
        {
            item.RunBlockingInContext(int.MaxValue, out _);
        }
        else
        {
            _ = item.RunAsyncInContext();
        }
    }

    bool IWorkItemHost.TryRunInline(WorkItem item)
    {
        ((IWorkItemHost)this).Post(item);
        return true;
    }
}
