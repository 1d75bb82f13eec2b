using System;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.RabbitMQ.Transport;
using RabbitMQ.Client;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>Telling callers this worker's slots (<see cref="PresenceMessage"/>): when it starts serving, every period,
/// when a caller asks, and with 0 slots when it leaves.</summary>
internal sealed partial class ClusterWorker
{
    /// <summary>How often a worker repeats its presence: the heartbeat, 1 to 10 s.</summary>
    private TimeSpan PresencePeriod => TimeSpan.FromMilliseconds(Math.Clamp(_options.Heartbeat.TotalMilliseconds, 1000, 10_000));

    /// <summary>Publishes this worker's slots (0 when leaving) to every caller; best effort.</summary>
    private async Task AnnounceAsync(bool leaving)
    {
        if (_session is not { } session || (_stopping && !leaving))
        {
            return;
        }

        try
        {
            var body = PresenceMessage.Write(WorkerId, leaving ? 0 : _concurrency, (int)PresencePeriod.TotalMilliseconds);
            var properties = new BasicProperties { Type = PresenceMessage.Type };
            await session.Control.BasicPublishAsync(_topology.PresenceExchange, string.Empty, mandatory: false, properties, body)
                .AsTask().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The next period (or the next session) says it again.
            Log.Write("could not announce this worker: " + e.GetType().Name);
        }
    }

    private async Task AnnouncePeriodicallyAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PresencePeriod, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await AnnounceAsync(leaving: false).ConfigureAwait(false);
        }
    }
}
