using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// The workers a caller has heard from (<see cref="PresenceMessage"/>) and their slots. A worker counts until it says
/// it leaves (0 slots) or until three of its announcement periods pass without a word (killed, frozen, cut off).
/// </summary>
internal sealed class WorkerCensus
{
    private readonly ConcurrentDictionary<string, (int Slots, long Until)> _workers = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised (on the reply consumer's thread) when a worker comes, leaves or changes its slots.</summary>
    public event Action? Changed;

    /// <summary>The slots of every worker heard from recently.</summary>
    public int Slots
    {
        get
        {
            var now = Environment.TickCount64;
            var slots = 0;
            foreach (var (id, worker) in _workers)
            {
                if (worker.Until < now)
                {
                    _workers.TryRemove(new(id, worker));
                    continue;
                }

                slots += worker.Slots;
            }

            return slots;
        }
    }

    /// <summary>The workers heard from recently.</summary>
    public int Workers
    {
        get
        {
            _ = Slots;
            return _workers.Count;
        }
    }

    public void Record(PresenceMessage presence)
    {
        var changed = true;
        if (presence.Concurrency == 0)
        {
            changed = _workers.TryRemove(presence.WorkerId, out _);
        }
        else
        {
            var until = Environment.TickCount64 + (3L * presence.PeriodMilliseconds) + 1000;
            _workers.AddOrUpdate(presence.WorkerId, (presence.Concurrency, until), (_, old) =>
            {
                changed = old.Slots != presence.Concurrency;
                return (presence.Concurrency, until);
            });
        }

        if (changed)
        {
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            Changed?.Invoke();
        }
    }

    /// <summary>Waits, at most <paramref name="bound"/>, until some worker has been heard from.</summary>
    public async Task WaitForAnyAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)bound.TotalMilliseconds;
        while (Slots == 0)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                return;
            }

            await Task.WhenAny(Volatile.Read(ref _changed).Task, Task.Delay(TimeSpan.FromMilliseconds(Math.Min(left, 100)), cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
