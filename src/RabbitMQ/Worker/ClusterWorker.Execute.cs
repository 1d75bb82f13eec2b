using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>Running an item and answering it: publish the result with a confirm, then ack; or dead-letter, or return.</summary>
internal sealed partial class ClusterWorker
{
    private async Task ExecuteAsync(WorkerSession session, ulong tag, string caller, string replyTo, WorkMessage message, bool reportStart)
    {
        try
        {
            if (reportStart)
            {
                await ReportStartAsync(session, replyTo, message).ConfigureAwait(false);
            }

            if (_cancelled.ContainsKey((caller, message.BatchId)))
            {
                await AckAsync(session, tag).ConfigureAwait(false);
                return;
            }

            if (_goneCallers.ContainsKey(replyTo))
            {
                Log.Write($"dropped an item of caller {caller}: its reply queue is gone (the caller died or left)");
                await AckAsync(session, tag).ConfigureAwait(false);
                return;
            }

            var watch = message.Count > 1
                ? new CallerWatch(() => _goneCallers.ContainsKey(replyTo), () => ProbeCallerGoneAsync(session, caller, replyTo))
                : null;
            var result = await _runner.RunAsync(caller, message, watch).ConfigureAwait(false);
            if (session != _session || !session.Work.IsOpen)
            {
                // The delivery went with its channel and the broker redelivers the item; its result would be a
                // duplicate that the caller drops anyway.
                return;
            }

            try
            {
                // Mandatory: a reply queue that expired (its caller is gone) returns the result, and the caller's
                // remaining items are dropped unrun. (A passive declare would renew the queue's lease instead.)
                var properties = new BasicProperties { Persistent = true };
                await session.Work.BasicPublishAsync(string.Empty, replyTo, mandatory: true, properties, result)
                    .AsTask().WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
            }
            catch (PublishException e) when (e.IsReturn)
            {
                _goneCallers[replyTo] = Environment.TickCount64;
                Log.Write($"caller {caller} is gone (its reply queue expired): its remaining items are dropped unrun");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.Write("could not publish a result (" + e.GetType().Name + "): the item is returned for another attempt");
                if (e is TimeoutException)
                {
                    _keeper.Restart(session.Generation, "a result was not confirmed within the watchdog bound");
                }

                await RejectAsync(session, tag).ConfigureAwait(false);
                return;
            }

            await AckAsync(session, tag).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>
    /// Whether a caller's reply queue is gone (it expired: the caller died or left), by a mandatory publish of an empty
    /// probe that the broker returns when no queue takes it (a passive declare would renew the queue's lease instead).
    /// A live caller drops the probe. Any other failure counts as "still there".
    /// </summary>
    private async ValueTask<bool> ProbeCallerGoneAsync(WorkerSession session, string caller, string replyTo)
    {
        try
        {
            var properties = new BasicProperties { Type = Topology.ProbeType };
            await session.Work.BasicPublishAsync(string.Empty, replyTo, mandatory: true, properties, ReadOnlyMemory<byte>.Empty)
                .AsTask().WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
            return false;
        }
        catch (PublishException e) when (e.IsReturn)
        {
            _goneCallers[replyTo] = Environment.TickCount64;
            Log.Write($"caller {caller} is gone (its reply queue expired): this worker stops starting its items");
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Tells the caller, with a confirm, that this worker starts the message's item (best effort).</summary>
    private async Task ReportStartAsync(WorkerSession session, string replyTo, WorkMessage message)
    {
        try
        {
            var properties = new BasicProperties { Type = StartedMessage.Type };
            var body = StartedMessage.Write(message.BatchId, message.FirstIndex, Environment.MachineName, Environment.ProcessId);
            await session.Work.BasicPublishAsync(string.Empty, replyTo, mandatory: false, properties, body)
                .AsTask().WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only the crash report loses its process id; the item runs as usual.
            Log.Write("could not report the start of a redelivered item: " + e.GetType().Name);
        }
    }

    private async Task SplitAsync(WorkerSession session, ulong tag, string routingKey, string replyTo, WorkMessage message)
    {
        try
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                ReplyTo = replyTo,
                Headers = new Dictionary<string, object?> { [Topology.WatchHeader] = 1 },
            };
            var publishes = new Task[message.Count];
            for (var i = 0; i < message.Count; i++)
            {
                publishes[i] = session.Work.BasicPublishAsync(_topology.WorkExchange, routingKey, mandatory: false, properties, message.Single(i)).AsTask();
            }

            await Task.WhenAll(publishes).WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Write("could not split a redelivered message (" + e.GetType().Name + "): it is returned");
            await RejectAsync(session, tag).ConfigureAwait(false);
            return;
        }

        await AckAsync(session, tag).ConfigureAwait(false);
    }

    private async Task DeadLetterAsync(WorkerSession session, ulong tag, string routingKey, byte[] body, string reason)
    {
        Log.Write("dead-lettered a message: " + reason);
        try
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                Headers = new Dictionary<string, object?> { [Topology.ReasonHeader] = reason },
            };
            await session.Work.BasicPublishAsync(_topology.DeadExchange, routingKey, mandatory: false, properties, body)
                .AsTask().WaitAsync(_options.WatchdogTimeout).ConfigureAwait(false);
            await AckAsync(session, tag).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The queue's own dead-lettering still takes it there (reason "rejected").
            try
            {
                await session.Work.BasicRejectAsync(tag, requeue: false).ConfigureAwait(false);
            }
            catch (Exception again) when (again is not OutOfMemoryException)
            {
                Log.Write("could not reject a message: " + again.GetType().Name);
            }
        }
    }

    private static async Task AckAsync(WorkerSession session, ulong tag)
    {
        try
        {
            await session.Work.BasicAckAsync(tag, multiple: false).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The channel is gone: the broker redelivers the item, and the caller drops the duplicate result.
        }
    }

    /// <summary>A failed attempt (its result could not be published): back to the queue, counted toward the limit.</summary>
    private static async Task RejectAsync(WorkerSession session, ulong tag)
    {
        try
        {
            await session.Work.BasicRejectAsync(tag, requeue: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The channel is gone: the broker requeues the item itself.
        }
    }

    /// <summary>An item this worker will not start (shutting down): back to the queue for another worker.</summary>
    private static async Task ReturnAsync(WorkerSession session, ulong tag)
    {
        try
        {
            await session.Work.BasicNackAsync(tag, multiple: false, requeue: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The channel is gone: the broker requeues the item itself.
        }
    }

    private async Task StopGracefullyAsync()
    {
        await AnnounceAsync(leaving: true).ConfigureAwait(false);
        _stopping = true;
        if (_session is { ConsumerTag: { } consumerTag } session)
        {
            try
            {
                await session.Work.BasicCancelAsync(consumerTag).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log.Write("could not cancel the consumer: " + e.GetType().Name);
            }
        }

        var deadline = Environment.TickCount64 + (long)_options.ShutdownTimeout.TotalMilliseconds;
        while (Volatile.Read(ref _running) > 0 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        var left = Volatile.Read(ref _running);
        Log.Write(left == 0
            ? $"worker {WorkerId} stopped after {_runner.Executions} items"
            : $"worker {WorkerId} stopping with {left} items still running: they go back to the queue");
    }

    /// <summary>
    /// Drops and re-establishes the connection when the work queue has ready items but this worker has received none
    /// for the watchdog bound while idle: its consumer was lost without notice.
    /// </summary>
    private async Task WatchdogAsync(CancellationToken stopping)
    {
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

            if (_stopping || _session is not { } session || Volatile.Read(ref _running) > 0
                || Environment.TickCount64 - Volatile.Read(ref _lastDeliveryTicks) < _options.WatchdogTimeout.TotalMilliseconds)
            {
                continue;
            }

            uint ready;
            try
            {
                var probe = await session.Connection.CreateChannelAsync().WaitAsync(_options.WatchdogTimeout, stopping).ConfigureAwait(false);
                await using (probe.ConfigureAwait(false))
                {
                    ready = (await probe.QueueDeclarePassiveAsync(_topology.WorkQueue).WaitAsync(_options.WatchdogTimeout, stopping).ConfigureAwait(false)).MessageCount;
                    await probe.CloseAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                ready = 0;
            }

            var quiet = Environment.TickCount64 - Volatile.Read(ref _lastDeliveryTicks);
            if (ready > 0 && Volatile.Read(ref _running) == 0 && quiet >= _options.WatchdogTimeout.TotalMilliseconds)
            {
                Volatile.Write(ref _lastDeliveryTicks, Environment.TickCount64);
                _keeper.Restart(session.Generation, $"{ready} items are ready but this idle worker received none for {quiet / 1000} s");
            }
        }
    }
}
