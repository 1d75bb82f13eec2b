using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// The worker slots a caller believes free: the cluster's slots (<see cref="WorkerCensus"/>) less this caller's work
/// messages published and not finished. A gated item (an <c>XSubmit</c> future) is published only when a slot is free,
/// first come first served, so that a worker starts it as soon as it is delivered and "published" means "started"; a
/// map's messages take slots without waiting for them (the map's own window bounds them).
/// </summary>
internal sealed class SlotGate(Func<int> capacity)
{
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _busy;

    /// <summary>This caller's work messages published and not finished.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>Takes <paramref name="count"/> slots at once, even past the capacity (a map's messages).</summary>
    public void Occupy(int count)
    {
        lock (_waiting)
        {
            _busy += count;
        }
    }

    /// <summary>Waits for a free slot and takes it.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource ready;
        lock (_waiting)
        {
            if (_waiting.Count == 0 && _busy < capacity())
            {
                _busy++;
                return;
            }

            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(ready);
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

    /// <summary>Grants waiting items the slots now free (also called when the cluster's width changes).</summary>
    public void Wake()
    {
        var granted = new List<TaskCompletionSource>();
        lock (_waiting)
        {
            var free = capacity() - _busy;
            while (free > 0 && _waiting.TryDequeue(out var head))
            {
                if (head.Task.IsCanceled)
                {
                    continue;
                }

                _busy++;
                free--;
                granted.Add(head);
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
