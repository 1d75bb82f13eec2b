using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Mapping;

namespace ParallelGen;

/// <summary>
/// Runs work on the .NET thread pool with at most <see cref="MaxWorkers"/> items at once, like Python's
/// <c>concurrent.futures.ThreadPoolExecutor</c>. The default executor.
/// </summary>
public sealed class ThreadPoolExecutor : IExecutor
{
    private readonly SemaphoreSlim _slots;
    private volatile bool _shutdown;

    /// <summary>Creates an executor that runs at most <paramref name="maxWorkers"/> items at once.</summary>
    public ThreadPoolExecutor(int maxWorkers)
    {
        if (maxWorkers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWorkers), maxWorkers, "An executor needs at least one worker.");
        }

        MaxWorkers = maxWorkers;
        _slots = new SemaphoreSlim(maxWorkers, maxWorkers);
    }

    /// <summary>Creates an executor as wide as the machine (<see cref="Environment.ProcessorCount"/>).</summary>
    public ThreadPoolExecutor()
        : this(Environment.ProcessorCount)
    {
    }

    /// <inheritdoc/>
    public int MaxWorkers { get; }

    /// <inheritdoc/>
    public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default)
    {
        if (_shutdown)
        {
            throw new InvalidOperationException("The executor has been shut down; it accepts no new work.");
        }

        var future = new Future<T>();
        _ = RunAsync(future, work, cancellationToken);
        return future;
    }

    private async Task RunAsync<T>(Future<T> future, Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            future.SetCancelled(cancellationToken);
            return;
        }

        try
        {
            await Task.Yield();
            if (!future.TryStart())
            {
                return;
            }

            future.SetResult(await work(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            future.SetException(ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc/>
    public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        MapEngine.MapToArrayAsync(this, items, WorkBody<TIn, TOut>.Sync((item, _) => body(item)), options?.MaxDegreeOfParallelism is > 0 and var d ? d : MaxWorkers, cancellationToken)
            .GetAwaiter().GetResult();

    /// <inheritdoc/>
    public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        MapEngine.AsCompletedAsync(this, items, WorkBody<TIn, TOut>.Sync((item, _) => body(item)), options?.MaxDegreeOfParallelism is > 0 and var d ? d : MaxWorkers, cancellationToken);

    /// <inheritdoc/>
    public Task ShutdownAsync(bool cancelPending = false)
    {
        _shutdown = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => new(ShutdownAsync());
}
