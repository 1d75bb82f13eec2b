using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.RabbitMQ.Transport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>
/// One cluster worker process's connection: consumes the work queue with prefetch = concurrency, runs each item
/// through the registry (<see cref="ItemRunner"/>), publishes its result with a confirm and only then acks it.
/// Malformed and unknown messages go to the dead-letter queue with a reason; items of a caller that is gone (its reply
/// queue expired, learnt from a returned result) or of a cancelled batch are dropped unrun.
/// </summary>
internal sealed partial class ClusterWorker : IAsyncDisposable
{
    private readonly RabbitMqOptions _options;
    private readonly Topology _topology;
    private readonly ConnectionKeeper _keeper;
    private readonly int _concurrency;
    private readonly ItemRunner _runner;
    private readonly CancellationTokenSource _hardStop = new();
    private readonly ConcurrentDictionary<(string Caller, long Batch), long> _cancelled = new();
    private readonly ConcurrentDictionary<string, long> _goneCallers = new(StringComparer.Ordinal);
    private volatile WorkerSession? _session;
    private volatile bool _stopping;
    private int _running;
    private long _lastDeliveryTicks = Environment.TickCount64;

    public ClusterWorker(RabbitMqOptions options)
    {
        _options = options;
        _topology = new Topology(options);
        _concurrency = options.ResolvedConcurrency();
        WorkerId = $"{Environment.MachineName}/{Environment.ProcessId}";
        _runner = new ItemRunner(WorkerId, _hardStop.Token);
        _keeper = new ConnectionKeeper(options, "parallelgen-worker-" + WorkerId, OpenSessionAsync);
    }

    public string WorkerId { get; }

    private sealed record WorkerSession(long Generation, IChannel Work, IChannel Control, IConnection Connection)
    {
        public string? ConsumerTag { get; set; }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, _concurrency + 4), io);
        await _keeper.StartAsync(cancellationToken).ConfigureAwait(false);
        Log.Write($"worker {WorkerId} serving '{_topology.WorkQueue}' on {_options} with concurrency {_concurrency}");
        var watchdog = Task.Run(() => WatchdogAsync(cancellationToken), CancellationToken.None);
        var presence = Task.Run(() => AnnouncePeriodicallyAsync(cancellationToken), CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Graceful shutdown below.
        }

        await StopGracefullyAsync().ConfigureAwait(false);
        await watchdog.ConfigureAwait(false);
        await presence.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _hardStop.Cancel();
        await _keeper.DisposeAsync().ConfigureAwait(false);
        _hardStop.Dispose();
    }

    private async Task OpenSessionAsync(IConnection connection, long generation, CancellationToken cancellationToken)
    {
        var admin = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (admin.ConfigureAwait(false))
        {
            await _topology.DeclareSharedAsync(admin, cancellationToken).ConfigureAwait(false);
            await admin.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        var work = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(4096)),
            cancellationToken).ConfigureAwait(false);
        var control = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var session = new WorkerSession(generation, work, control, connection);

        var controlQueue = await control.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        await control.QueueBindAsync(controlQueue.QueueName, _topology.ControlExchange, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        var controlConsumer = new AsyncEventingBasicConsumer(control);
        controlConsumer.ReceivedAsync += (_, delivery) => OnControl(delivery);
        await control.BasicConsumeAsync(controlQueue.QueueName, autoAck: true, controlConsumer, cancellationToken).ConfigureAwait(false);

        if (_stopping)
        {
            _session = session;
            return;
        }

        await work.BasicQosAsync(0, (ushort)Math.Min(_concurrency, ushort.MaxValue), false, cancellationToken).ConfigureAwait(false);
        var consumer = new AsyncEventingBasicConsumer(work);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(session, delivery);
        _session = session;
        session.ConsumerTag = await work.BasicConsumeAsync(_topology.WorkQueue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        await AnnounceAsync(leaving: false).ConfigureAwait(false);
    }

    private Task OnControl(BasicDeliverEventArgs delivery)
    {
        try
        {
            var message = ControlMessage.Read(delivery.Body);
            if (message.IsCensus)
            {
                _ = AnnounceAsync(leaving: false);
                return Task.CompletedTask;
            }

            var now = Environment.TickCount64;
            _cancelled[(message.CallerId, message.BatchId)] = now;
            _runner.Cancel(message.CallerId, message.BatchId);
            foreach (var entry in _cancelled)
            {
                if (now - entry.Value > 600_000)
                {
                    _cancelled.TryRemove(entry.Key, out _);
                }
            }
        }
        catch (System.IO.InvalidDataException e)
        {
            Log.Write("ignored a malformed control message: " + e.Message);
        }

        return Task.CompletedTask;
    }

    private async Task OnDeliveryAsync(WorkerSession session, BasicDeliverEventArgs delivery)
    {
        Volatile.Write(ref _lastDeliveryTicks, Environment.TickCount64);
        var tag = delivery.DeliveryTag;
        var body = delivery.Body.ToArray();
        var routingKey = delivery.RoutingKey;
        var replyTo = delivery.BasicProperties.ReplyTo;
        if (_stopping)
        {
            await ReturnAsync(session, tag).ConfigureAwait(false);
            return;
        }

        WorkMessage message;
        try
        {
            message = WorkMessage.Read(body);
        }
        catch (System.IO.InvalidDataException e)
        {
            await DeadLetterAsync(session, tag, routingKey, body, "malformed message: " + e.Message).ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(replyTo) || !replyTo.StartsWith(_topology.ReplyQueue(string.Empty), StringComparison.Ordinal) || replyTo.Length > 200)
        {
            await DeadLetterAsync(session, tag, routingKey, body, $"the message has no reply queue of this application ('{_topology.ReplyQueue("<caller>")}')").ConfigureAwait(false);
            return;
        }

        if (!Infrastructure.Remote.RemoteRegistry.TryGet(message.MethodId, out _))
        {
            await DeadLetterAsync(session, tag, routingKey, body, $"the method '{message.MethodId}' is not registered on worker {WorkerId} (only [Parallelizable] methods of the worker's assemblies can be called)").ConfigureAwait(false);
            return;
        }

        if (delivery.Redelivered && message.Count > 1)
        {
            // Back from a lost worker (or a restart): one message per item from now on, so that an item that kills
            // its worker uses up the delivery limit alone, not with its neighbours.
            await SplitAsync(session, tag, routingKey, replyTo, message).ConfigureAwait(false);
            return;
        }

        // An item that may be the one that kills workers: say who holds it, so that its WorkerCrashedException can.
        var reportStart = delivery.Redelivered || _options.DeliveryLimit == 1
            || delivery.BasicProperties.Headers?.ContainsKey(Topology.WatchHeader) == true;
        Interlocked.Increment(ref _running);
        _ = Task.Run(() => ExecuteAsync(session, tag, routingKey, replyTo, message, reportStart));
    }
}
