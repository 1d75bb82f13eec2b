using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ParallelGen.RabbitMQ;

/// <summary>The caller's connection: publishing items, receiving results and dead letters, the watchdog.</summary>
public sealed partial class RabbitMqExecutor
{
    private Task? _watchdog;
    private long _lastReplyTicks = Environment.TickCount64;

    /// <summary>One (re)connection's channels: items are published on one (with confirms), results consumed on another.</summary>
    private sealed record CallerSession(long Generation, IChannel Publish, IChannel Consume);

    private async Task OpenSessionAsync(IConnection connection, long generation, CancellationToken cancellationToken)
    {
        var admin = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (admin.ConfigureAwait(false))
        {
            await _topology.DeclareSharedAsync(admin, cancellationToken).ConfigureAwait(false);
            await _topology.DeclareReplyQueueAsync(admin, CallerId, cancellationToken).ConfigureAwait(false);
            await admin.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        var publish = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(4096)),
            cancellationToken).ConfigureAwait(false);
        var consume = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await consume.BasicQosAsync(0, 1024, false, cancellationToken).ConfigureAwait(false);
        var consumer = new AsyncEventingBasicConsumer(consume);
        consumer.ReceivedAsync += (_, delivery) => OnReplyAsync(consume, delivery);
        await consume.BasicConsumeAsync(ReplyQueue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        _session = new CallerSession(generation, publish, consume);
        Statistics.Reconnects = _keeper?.Reconnects ?? 0;

        // Ask who serves: every worker answers with its slots (and repeats them periodically anyway).
        var census = new WireWriter();
        ControlMessage.WriteCensus(census, CallerId);
        await publish.BasicPublishAsync(_topology.ControlExchange, string.Empty, census.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CallerSession> SessionAsync(long newerThan, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_session is { } session && session.Generation > newerThan && session.Publish.IsOpen)
            {
                return session;
            }

            await _keeper.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
            if (_session is { } ready && ready.Generation > newerThan && ready.Publish.IsOpen)
            {
                return ready;
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes one item and waits for the broker's confirm. A publish lost with its connection is
    /// retried on the next one; a publish not confirmed within the watchdog bound drops the connection (the
    /// duplicate that may follow is dropped at the caller, first result wins).</summary>
    private async Task PublishWorkAsync(byte[] body, CancellationToken cancellationToken, bool watch = false)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ReplyTo = ReplyQueue,
            Headers = watch ? new Dictionary<string, object?> { [Topology.WatchHeader] = 1 } : null,
        };
        var seen = 0L;
        while (true)
        {
            var session = await SessionAsync(seen, cancellationToken).ConfigureAwait(false);
            try
            {
                await session.Publish.BasicPublishAsync(_topology.WorkExchange, CallerId, mandatory: false, properties, body, cancellationToken)
                    .AsTask().WaitAsync(_options.WatchdogTimeout, cancellationToken).ConfigureAwait(false);
                Statistics.OnPublished();
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TimeoutException)
            {
                Statistics.OnWatchdogRestart();
                _keeper.Restart(session.Generation, $"a publish was not confirmed within {_options.WatchdogTimeout.TotalSeconds:0.#} s");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Connection or channel lost, or the broker refused the message: retry on a fresh session.
                _keeper.Restart(session.Generation, "a publish failed: " + e.GetType().Name);
            }

            Statistics.OnRepublished();
            seen = session.Generation;
        }
    }

    /// <summary>Tells every worker to drop this batch's items it has not started and to cancel the running ones.</summary>
    private async Task SendCancelAsync(long batchId)
    {
        try
        {
            var session = await SessionAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            var writer = new WireWriter();
            ControlMessage.WriteCancel(writer, CallerId, batchId);
            await session.Publish.BasicPublishAsync(_topology.ControlExchange, string.Empty, writer.WrittenMemory).AsTask()
                .WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: an item a worker runs anyway is dropped here as a late result.
            Log.Write("could not send a cancellation: " + e.GetType().Name);
        }
    }

    private async Task OnReplyAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        Volatile.Write(ref _lastReplyTicks, Environment.TickCount64);
        try
        {
            if (delivery.Exchange == _topology.DeadExchange)
            {
                OnDeadLetter(delivery);
            }
            else if (delivery.BasicProperties.Type == PresenceMessage.Type)
            {
                _census.Record(PresenceMessage.Read(delivery.Body));
            }
            else if (delivery.BasicProperties.Type == Topology.ProbeType)
            {
                // A worker checking that this caller's reply queue still exists: nothing to do.
            }
            else if (delivery.BasicProperties.Type == StartedMessage.Type)
            {
                var started = StartedMessage.Read(delivery.Body);
                if (_batches.TryGetValue(started.BatchId, out var holder))
                {
                    holder.RecordHolder(started);
                }
            }
            else
            {
                var result = ResultMessage.Read(delivery.Body);
                _batches.TryGetValue(result.BatchId, out var batch);
                foreach (var outcome in result.Outcomes)
                {
                    Statistics.OnResult();
                    if (batch is null || !batch.TryComplete(outcome, result.Worker))
                    {
                        Statistics.OnDuplicate();
                    }
                }
            }
        }
        catch (System.IO.InvalidDataException e)
        {
            Log.Write("dropped a malformed reply: " + e.Message);
        }

        try
        {
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The channel went with its connection: the reply is redelivered on the next session and dropped then
            // as a duplicate.
        }
    }

    private void OnDeadLetter(BasicDeliverEventArgs delivery)
    {
        Statistics.OnDeadLettered();
        var message = WorkMessage.Read(delivery.Body);
        if (!_batches.TryGetValue(message.BatchId, out var batch))
        {
            return;
        }

        var headers = delivery.BasicProperties.Headers;
        Exception error;
        if (headers is not null && headers.TryGetValue(Topology.ReasonHeader, out var reason) && reason is byte[] text)
        {
            error = new InvalidOperationException($"A worker refused the item and dead-lettered it to '{_topology.DeadQueue}': {Encoding.UTF8.GetString(text)}");
        }
        else if (message.Count > 1)
        {
            // A message of several items used up its deliveries (its worker died before it split it): its items
            // without an outcome go again one by one, so only an item that kills its worker fails, alone.
            for (var i = 0; i < message.Count; i++)
            {
                if (!batch.HasOutcome(message.FirstIndex + i))
                {
                    Statistics.OnRepublished();
                    _ = PublishWorkAsync(message.Single(i), _shutdownCancel.Token, watch: true);
                }
            }

            return;
        }
        else
        {
            // The last holder is known when a worker reported the start (every delivery after the first does).
            var holder = batch.Holder(message.FirstIndex);
            var last = holder is { } h
                ? $" The last worker that held it: process {h.ProcessId} on {h.Machine}."
                : " Which worker held it last is not known: only redelivered items report their start.";
            error = new WorkerCrashedException(
                $"The item was delivered {_options.DeliveryLimit} times and each time its worker was lost before finishing it (crashed, killed, or cut off from the broker); it was dead-lettered to '{_topology.DeadQueue}' ({DeathReason(headers)}).{last}",
                processId: holder?.ProcessId ?? 0,
                exitCode: null,
                signal: null,
                standardErrorTail: string.Empty);
        }

        for (var i = 0; i < message.Count; i++)
        {
            if (!batch.TryFail(message.FirstIndex + i, error))
            {
                Statistics.OnDuplicate();
            }
        }
    }

    private static string DeathReason(IDictionary<string, object?>? headers)
    {
        if (headers is not null && headers.TryGetValue("x-death", out var deaths) && deaths is IList<object> list && list.Count > 0
            && list[0] is IDictionary<string, object?> death && death.TryGetValue("reason", out var reason) && reason is byte[] text)
        {
            return "reason: " + Encoding.UTF8.GetString(text);
        }

        return "reason: delivery limit";
    }

    /// <summary>
    /// Drops and re-establishes the connection when results are owed but the reply consumer is gone (the client can
    /// lose a consumer during recovery without saying so): checked every quarter of the watchdog bound.
    /// </summary>
    private async Task WatchdogAsync()
    {
        var stopping = _shutdownCancel.Token;
        var period = TimeSpan.FromMilliseconds(Math.Max(250, _options.WatchdogTimeout.TotalMilliseconds / 4));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Statistics.Reconnects = _keeper.Reconnects;
            if (_batches.IsEmpty || _session is not { } session)
            {
                continue;
            }

            var quiet = TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastReplyTicks));
            if (quiet < _options.WatchdogTimeout)
            {
                continue;
            }

            if (!session.Consume.IsOpen || !await ConsumerAliveAsync(session).ConfigureAwait(false))
            {
                Statistics.OnWatchdogRestart();
                _keeper.Restart(session.Generation, $"results are owed, none arrived for {quiet.TotalSeconds:0} s and the reply consumer is gone");
            }
        }
    }

    private async Task<bool> ConsumerAliveAsync(CallerSession session)
    {
        try
        {
            var (connection, _) = await _keeper.WaitReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            var probe = await connection.CreateChannelAsync().WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
            await using (probe.ConfigureAwait(false))
            {
                var state = await probe.QueueDeclarePassiveAsync(ReplyQueue).WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
                await probe.CloseAsync().ConfigureAwait(false);
                return state.ConsumerCount > 0;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }
}
