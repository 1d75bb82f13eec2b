using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ;

/// <summary>Shutdown, and the <see cref="IExecutor"/> members that take delegates (which cannot cross machines).</summary>
public sealed partial class RabbitMqExecutor
{
    /// <summary>
    /// Stops accepting batches. With <paramref name="cancelPending"/>, items without a result fail with
    /// <see cref="OperationCanceledException"/> and workers are told to drop them; otherwise outstanding items are
    /// awaited. Then the reply queue is deleted and the connection closed.
    /// </summary>
    public Task ShutdownAsync(bool cancelPending = false)
    {
        lock (_batches)
        {
            _shutdown = true;
            return _stopped ??= StopAsync(cancelPending);
        }
    }

    /// <summary>Shuts down, waiting for outstanding items.</summary>
    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);

    /// <summary>Not supported: a delegate cannot cross to another machine. Call a <c>[Parallelizable]</c> method's
    /// generated <c>XSubmit</c> with this executor instead.</summary>
    public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default) => throw CannotSendDelegate();

    /// <summary>Not supported: a delegate cannot cross to another machine. Call a <c>[Parallelizable]</c> method's
    /// generated <c>XMap</c> with <see cref="MapOptions.Executor"/> set to this executor instead.</summary>
    public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) => throw CannotSendDelegate();

    /// <summary>Not supported: a delegate cannot cross to another machine. Call a <c>[Parallelizable]</c> method's
    /// generated <c>XAsCompleted</c> with <see cref="MapOptions.Executor"/> set to this executor instead.</summary>
    public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) => throw CannotSendDelegate();

    private static NotSupportedException CannotSendDelegate() =>
        new("A delegate cannot be sent to a cluster worker: mark the method [Parallelizable] and call its generated wrapper (XMap, XMapAsync, XAsCompleted, XSubmit) with this executor.");

    private async Task StopAsync(bool cancelPending)
    {
        if (cancelPending)
        {
            _shutdownCancel.Cancel();
        }

        await Task.WhenAll(_batches.Values.Select(b => b.Completion).ToArray()).ConfigureAwait(false);
        if (!_shutdownCancel.IsCancellationRequested)
        {
            _shutdownCancel.Cancel();
        }

        if (_watchdog is not null)
        {
            await _watchdog.ConfigureAwait(false);
        }

        try
        {
            if (_session is { } session && session.Publish.IsOpen)
            {
                await session.Publish.QueueDeleteAsync(ReplyQueue, ifUnused: false, ifEmpty: false).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The broker deletes it anyway once it has been unused for the expiry.
        }

        await _keeper.DisposeAsync().ConfigureAwait(false);
    }
}
