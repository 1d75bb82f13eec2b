using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// The caller's bound on items published and not yet finished (<see cref="RabbitMqOptions.MaxItemsInFlight"/>). A
/// message takes room for all its items at once, first come first served, so a full window holds back whole
/// messages instead of shrinking them to one item each; each item gives its room back when it finishes.
/// </summary>
internal sealed class ItemWindow
{
    private readonly Queue<(int Count, TaskCompletionSource Ready)> _waiting = new();
    private readonly int _capacity;
    private int _available;

    public ItemWindow(int capacity)
    {
        _capacity = capacity;
        _available = capacity;
    }

    public int Capacity => _capacity;

    /// <summary>Waits for room for <paramref name="count"/> items (at most <see cref="Capacity"/>).</summary>
    public async Task TakeAsync(int count, CancellationToken cancellationToken)
    {
        count = Math.Min(count, _capacity);
        TaskCompletionSource ready;
        lock (_waiting)
        {
            if (_waiting.Count == 0 && _available >= count)
            {
                _available -= count;
                return;
            }

            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((count, ready));
        }

        using (cancellationToken.Register(() =>
        {
            if (ready.TrySetCanceled(cancellationToken))
            {
                // Given up: if room had been granted meanwhile, TrySetCanceled failed and the caller owns it.
                Wake();
            }
        }))
        {
            await ready.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Gives back room for <paramref name="count"/> items.</summary>
    public void Release(int count = 1)
    {
        lock (_waiting)
        {
            _available += count;
        }

        Wake();
    }

    private void Wake()
    {
        var granted = new List<(int Count, TaskCompletionSource Ready)>();
        lock (_waiting)
        {
            while (_waiting.TryPeek(out var head))
            {
                if (head.Ready.Task.IsCanceled)
                {
                    _waiting.Dequeue();
                    continue;
                }

                if (head.Count > _available)
                {
                    break;
                }

                _waiting.Dequeue();
                _available -= head.Count;
                granted.Add(head);
            }
        }

        foreach (var (count, ready) in granted)
        {
            if (!ready.TrySetResult())
            {
                // Cancelled between the check and now: hand its room back.
                Release(count);
            }
        }
    }
}
