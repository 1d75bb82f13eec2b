using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// The worker slots a caller believes free: the cluster's slots (<see cref="WorkerCensus"/>) less this caller's work
/// messages published and not finished. A gated item (an <c>XSubmit</c> future) is published only when a slot is free,
/// first come first served, so that a worker starts it as soon as it is delivered and "published" means "started". A
/// map's message takes a slot even past the capacity (the map's own window bounds it), but not ahead of a gated item
/// that waits: it queues behind it, so a future submitted during a long map gets the next slot that frees up instead of
/// waiting for the map's end (as the process pool keeps its queue first in, first out).
/// </summary>
internal sealed class SlotGate(Func<int> capacity)
{
    private readonly Queue<(TaskCompletionSource Ready, bool Gated)> _waiting = new();
    private int _busy;

    /// <summary>This caller's work messages published and not finished.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>Takes a slot for a map's message: at once, even past the capacity, unless a gated item waits (then
    /// behind it; but never while no worker is known).</summary>
    public Task EnterAsync(CancellationToken cancellationToken) => WaitAsync(gated: false, cancellationToken);

    /// <summary>Waits for a free slot and takes it (a gated item).</summary>
    public Task TakeAsync(CancellationToken cancellationToken) => WaitAsync(gated: true, cancellationToken);

    private async Task WaitAsync(bool gated, CancellationToken cancellationToken)
    {
        TaskCompletionSource ready;
        lock (_waiting)
        {
            // While no worker is known (capacity 0) a map does not wait behind futures that cannot start anyway.
            if (gated ? _waiting.Count == 0 && _busy < capacity() : _waiting.Count == 0 || capacity() == 0)
            {
                _busy++;
                return;
            }

            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((ready, gated));
        }

        using (cancellationToken.Register(() =>
        {
            if (ready.TrySetCanceled(cancellationToken))
            {
                Wake();
            }
        }))
        {
            await ready.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Gives back <paramref name="count"/> slots.</summary>
    public void Release(int count = 1)
    {
        lock (_waiting)
        {
            _busy -= count;
        }

        Wake();
    }

    /// <summary>Grants waiting items the slots now free (also called when the cluster's width changes): gated items
    /// while slots are free, and the map messages queued behind them.</summary>
    public void Wake()
    {
        var granted = new List<TaskCompletionSource>();
        lock (_waiting)
        {
            var width = capacity();
            if (width == 0)
            {
                // No worker known: map messages go, futures keep waiting.
                var kept = new Queue<(TaskCompletionSource Ready, bool Gated)>();
                while (_waiting.TryDequeue(out var waiter))
                {
                    if (waiter.Gated)
                    {
                        kept.Enqueue(waiter);
                    }
                    else if (!waiter.Ready.Task.IsCanceled)
                    {
                        _busy++;
                        granted.Add(waiter.Ready);
                    }
                }

                while (kept.TryDequeue(out var waiter))
                {
                    _waiting.Enqueue(waiter);
                }
            }

            var free = width - _busy;
            while (width > 0 && _waiting.TryPeek(out var head))
            {
                if (head.Ready.Task.IsCanceled)
                {
                    _waiting.Dequeue();
                    continue;
                }

                if (head.Gated && free <= 0)
                {
                    break;
                }

                _waiting.Dequeue();
                _busy++;
                free--;
                granted.Add(head.Ready);
            }
        }

        foreach (var ready in granted)
        {
            if (!ready.TrySetResult())
            {
                Release();
            }
        }
    }
}
