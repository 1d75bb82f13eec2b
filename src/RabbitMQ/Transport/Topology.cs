using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// The broker objects of one application (one <see cref="RabbitMqOptions.QueuePrefix"/>), declared identically by
/// callers and workers:
/// <list type="bullet">
/// <item><c>P.work</c>: topic exchange; callers publish each item with their caller id as routing key.</item>
/// <item><c>P.work</c>: durable quorum queue bound with <c>#</c>, with an explicit <c>x-delivery-limit</c> and
/// at-least-once dead-lettering to <c>P.dead</c> (a single node still gets a quorum queue: it is the queue type that
/// has a delivery limit).</item>
/// <item><c>P.dead</c>: topic exchange and durable queue (bound with <c>#</c>) keeping every dead letter with its
/// reason. A caller's reply queue is bound to it as well, with its caller id, so the caller learns at once that an
/// item of its own was dead-lettered.</item>
/// <item><c>P.reply.ID</c>: a caller's durable reply queue, deleted by the broker <c>x-expires</c> after its caller is
/// gone.</item>
/// <item><c>P.control</c>: fanout exchange for cancellations and censuses; each worker binds a private queue to it.</item>
/// <item><c>P.presence</c>: fanout exchange where workers announce their slots (<see cref="PresenceMessage"/>); every
/// caller's reply queue is bound to it.</item>
/// </list>
/// </summary>
internal sealed class Topology
{
    /// <summary>The header a worker sets on a message it dead-letters itself (malformed, unknown method).</summary>
    public const string ReasonHeader = "x-parallelgen-reason";

    /// <summary>The header on a message split or republished after a lost delivery: the worker that starts it reports
    /// the start (<see cref="StartedMessage"/>), as it does for a redelivered one.</summary>
    public const string WatchHeader = "x-parallelgen-watch";

    /// <summary>The AMQP <c>type</c> of a worker's probe of a reply queue (a mandatory publish: returned when the
    /// queue is gone, and ignored by a live caller).</summary>
    public const string ProbeType = "parallelgen.probe";

    private readonly RabbitMqOptions _options;

    public Topology(RabbitMqOptions options)
    {
        _options = options;
        var prefix = options.QueuePrefix;
        WorkExchange = prefix + ".work";
        WorkQueue = prefix + ".work";
        DeadExchange = prefix + ".dead";
        DeadQueue = prefix + ".dead";
        ControlExchange = prefix + ".control";
        PresenceExchange = prefix + ".presence";
    }

    public string WorkExchange { get; }

    public string WorkQueue { get; }

    public string DeadExchange { get; }

    public string DeadQueue { get; }

    public string ControlExchange { get; }

    public string PresenceExchange { get; }

    public string ReplyQueue(string callerId) => _options.QueuePrefix + ".reply." + callerId;

    /// <summary>Declares the shared objects (idempotent: every peer declares the same arguments).</summary>
    public async Task DeclareSharedAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(DeadExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclareAsync(DeadQueue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(DeadQueue, DeadExchange, "#", cancellationToken: cancellationToken).ConfigureAwait(false);

        await channel.ExchangeDeclareAsync(WorkExchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        var arguments = new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = _options.DeliveryLimit,
            ["x-dead-letter-exchange"] = DeadExchange,
            ["x-dead-letter-strategy"] = "at-least-once",
            ["x-overflow"] = "reject-publish",
        };
        await channel.QueueDeclareAsync(WorkQueue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(WorkQueue, WorkExchange, "#", cancellationToken: cancellationToken).ConfigureAwait(false);

        await channel.ExchangeDeclareAsync(ControlExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.ExchangeDeclareAsync(PresenceExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Declares a caller's reply queue and binds it to the dead-letter exchange under the caller's id, and to
    /// the presence exchange.</summary>
    public async Task DeclareReplyQueueAsync(IChannel channel, string callerId, CancellationToken cancellationToken)
    {
        var queue = ReplyQueue(callerId);
        var arguments = new Dictionary<string, object?>
        {
            // Quorum as well: a classic queue confirms a persistent message only at its next disk sync (up to about
            // 200 ms when traffic is light), which would pace a worker of concurrency 1 at a few messages a second.
            ["x-queue-type"] = "quorum",
            ["x-expires"] = (int)Math.Clamp(_options.ReplyQueueExpiry.TotalMilliseconds, 1000, int.MaxValue),
        };
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(queue, DeadExchange, callerId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(queue, PresenceExchange, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
