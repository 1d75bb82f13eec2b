using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;

namespace ParallelGen.RabbitMQ;

/// <summary>
/// Futures (<c>XSubmit</c>): an item whose sink is an <see cref="IBatchStartGate"/> stays with the caller, pending and
/// cancellable, until a worker slot is free; it is started (<see cref="IBatchStartGate.TryStart"/>) and published
/// only then, so a worker takes it as soon as it is delivered. An item cancelled while it waited is never published,
/// so no worker ever runs it.
/// </summary>
public sealed partial class RabbitMqExecutor
{
    /// <summary>The slots a gated item may use: the workers' announced slots; <see cref="RabbitMqOptions.MaxWorkers"/>
    /// when none has been heard from and it is set; else none (gated items wait for a worker to announce itself).</summary>
    private int GateCapacity() => _census.Slots is > 0 and var slots ? slots : Math.Max(0, _options.MaxWorkers);

    private async Task RunGatedAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, IBatchStartGate gate, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextBatch);

        // A started item holds a window permit and a slot until its outcome arrives.
        var batch = new PendingBatch<TIn, TOut>(id, items.Length, () =>
        {
            _inFlight.Release();
            _slots.Release();
        }, method, sink);
        _batches[id] = batch;

        // Waiting ends on the caller's token or on ShutdownAsync(cancelPending: true); a started item sees only the
        // caller's token (as on threads, a shutdown lets running work finish).
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdownCancel.Token);
        using var registration = cancellationToken.Register(() => Cancel(batch));
        var header = BatchHeader.For(method, target, itemTimeout);
        var publishes = new List<Task>();
        var next = 0;
        try
        {
            for (; next < items.Length; next++)
            {
                await _inFlight.TakeAsync(1, waiting.Token).ConfigureAwait(false);
                try
                {
                    await _slots.TakeAsync(waiting.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _inFlight.Release();
                    throw;
                }

                if (!gate.TryStart(next))
                {
                    // Cancelled while it waited: never published, never run.
                    _slots.Release();
                    _inFlight.Release();
                    batch.TryFail(next, new OperationCanceledException("The future was cancelled before it started."));
                    continue;
                }

                var arguments = new WireWriter();
                method.WriteArguments(arguments, items.Span[next]);
                var message = new WireWriter(arguments.Length + header.Target.Length + 64);
                WorkMessage.WriteHeader(message, method.Id, id, next, 1, header.TimeoutMilliseconds, header.Target.Span, header.HasTarget);
                WorkMessage.WriteItem(message, arguments.WrittenSpan);
                batch.HoldPermit(next);
                publishes.Add(PublishWorkAsync(message.WrittenSpan.ToArray(), cancellationToken));
            }
        }
        catch (OperationCanceledException) when (waiting.IsCancellationRequested)
        {
            // The items from `next` on never started.
        }

        var stoppedBy = cancellationToken.IsCancellationRequested ? cancellationToken : _shutdownCancel.Token;
        for (var i = next; i < items.Length; i++)
        {
            batch.TryFail(i, new OperationCanceledException("The executor stopped before this item started.", stoppedBy));
        }

        try
        {
            await Task.WhenAll(publishes).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The registration failed what has no outcome.
        }

        await batch.Completion.ConfigureAwait(false);
        _batches.TryRemove(id, out _);
    }
}
