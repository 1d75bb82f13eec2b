using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;
using RabbitMQ.Client;

namespace ParallelGen.RabbitMQ;

/// <summary>
/// Runs the generated wrappers of <c>[Parallelizable]</c> methods on cluster workers (<see cref="RabbitMqWorker"/>)
/// through a RabbitMQ broker: set it as <see cref="MapOptions.Executor"/> and the same <c>XMap</c>, <c>XMapAsync</c>,
/// <c>XAsCompleted</c> calls run on other machines, with results in the same order and errors, cancellation,
/// progress and item timeouts as on threads.
/// </summary>
/// <remarks>
/// Every item is a persistent message on a durable quorum queue, published with a publisher confirm. A worker acks
/// it only after its result is published and confirmed, so an item whose worker dies is redelivered (at most
/// <see cref="RabbitMqOptions.DeliveryLimit"/> times, then it fails with <see cref="WorkerCrashedException"/> and
/// stays in the dead-letter queue). Results come back on this caller's own durable reply queue, which the broker
/// deletes <see cref="RabbitMqOptions.ReplyQueueExpiry"/> after the caller is gone. The first result of an item wins;
/// later ones are dropped and counted (<see cref="Statistics"/>). An exception thrown by the method is a result: it
/// is rethrown on the caller with its type, message and remote stack, and never redelivered.
/// </remarks>
public sealed partial class RabbitMqExecutor : IBatchExecutor, IBatchDurationHint
{
    private readonly RabbitMqOptions _options;
    private readonly Topology _topology;
    private readonly ConcurrentDictionary<long, PendingBatch> _batches = new();
    private readonly ItemWindow _inFlight;
    private readonly WorkerCensus _census = new();
    private readonly SlotGate _slots;
    private readonly CancellationTokenSource _shutdownCancel = new();
    private ConnectionKeeper _keeper = null!;
    private volatile CallerSession? _session;
    private long _nextBatch;
    private volatile bool _shutdown;
    private Task? _stopped;

    private RabbitMqExecutor(RabbitMqOptions options)
    {
        _options = options;
        _topology = new Topology(options);
        _inFlight = new ItemWindow(options.MaxItemsInFlight);
        _slots = new SlotGate(GateCapacity);
        _census.Changed += _slots.Wake;
        CallerId = Guid.NewGuid().ToString("N");
    }

    /// <summary>This caller's id: the routing key of its items and the suffix of its reply queue.</summary>
    public string CallerId { get; }

    /// <summary>The name of this caller's reply queue.</summary>
    public string ReplyQueue => _topology.ReplyQueue(CallerId);

    /// <summary>What this executor has seen so far (published, results, duplicates dropped, reconnects, ...).</summary>
    public RabbitMqStatistics Statistics { get; } = new();

    /// <summary>
    /// The width a map uses when it asks for none: <see cref="RabbitMqOptions.MaxWorkers"/> when set, else the slots of
    /// the workers serving the queue now (<see cref="WorkerSlots"/>, read by each map as it starts), else
    /// <see cref="UnknownWidth"/> while no worker has been heard from.
    /// </summary>
    public int MaxWorkers => _options.MaxWorkers > 0 ? _options.MaxWorkers : _census.Slots is > 0 and var slots ? slots : UnknownWidth;

    /// <summary>The slots (items run at once) of the workers serving this caller's queue, as they announce them: each
    /// worker says its <see cref="RabbitMqOptions.WorkerConcurrency"/> when it starts, every heartbeat and when it
    /// leaves; one not heard from for three heartbeats no longer counts. 0 until a worker is heard from.</summary>
    public int WorkerSlots => _census.Slots;

    /// <summary>The map width used while no worker has been heard from (the default before workers announced
    /// themselves): 16.</summary>
    public const int UnknownWidth = 16;

    /// <inheritdoc/>
    bool IBatchExecutor.HonoursStartGate => true;

    /// <inheritdoc/>
    TimeSpan IBatchDurationHint.TargetBatchDuration => _options.TargetBatchDuration;

    /// <summary>Connects to the broker, declares the queues and starts listening for results.</summary>
    /// <param name="options">The broker and the cluster's settings (credentials are never logged).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    /// <exception cref="global::RabbitMQ.Client.Exceptions.BrokerUnreachableException">No broker answered.</exception>
    public static async Task<RabbitMqExecutor> ConnectAsync(RabbitMqOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var executor = new RabbitMqExecutor(options);
        executor._keeper = new ConnectionKeeper(options, "parallelgen-caller-" + executor.CallerId, executor.OpenSessionAsync);
        await executor._keeper.StartAsync(cancellationToken).ConfigureAwait(false);
        executor._watchdog = Task.Run(executor.WatchdogAsync);

        // Workers that serve answer the census at once; a short bound, so that a first map knows its width.
        await executor._census.WaitForAnyAsync(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        return executor;
    }

    /// <inheritdoc/>
    public void EnsureCanRun(RemoteMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.CannotCrossReason is { } reason)
        {
            throw new NotSupportedException(reason);
        }

        if (!RemoteRegistry.TryGet(method.Id, out _))
        {
            throw new InvalidOperationException($"The method '{method.Id}' is not registered for remote calls, so no cluster worker could run it. Only [Parallelizable] methods of assemblies built with ParallelGen's generator can cross to a worker.");
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The executor has been shut down (thrown from the call, as on threads).</exception>
    public ValueTask RunBatchAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(sink);
        if (_shutdown)
        {
            throw new InvalidOperationException("The executor has been shut down.");
        }

        return sink is IBatchStartGate gate
            ? new ValueTask(RunGatedAsync(method, target, items, sink, gate, itemTimeout, cancellationToken))
            : new ValueTask(RunMapBatchAsync(method, target, items, sink, itemTimeout, cancellationToken));
    }

    private async Task RunMapBatchAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextBatch);
        var batch = new PendingBatch<TIn, TOut>(id, items.Length, () => _inFlight.Release(), method, sink);
        _batches[id] = batch;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdownCancel.Token);
        var token = linked.Token;
        var published = 0;
        var messages = 0;
        using var registration = token.Register(() => Cancel(batch));
        try
        {
            var header = BatchHeader.For(method, target, itemTimeout);
            var publishes = new List<Task>();
            var arguments = new WireWriter();
            var message = new WireWriter();
            var perMessage = Math.Min(_options.MaxItemsPerMessage, _options.MaxItemsInFlight);
            var next = 0;
            while (next < items.Length && !token.IsCancellationRequested)
            {
                // Room for the whole message first: a full window holds back whole messages.
                var count = Math.Min(perMessage, items.Length - next);
                await _inFlight.TakeAsync(count, token).ConfigureAwait(false);
                try
                {
                    // A slot too: at once, unless a future waits for one (then behind it).
                    await _slots.EnterAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _inFlight.Release(count);
                    throw;
                }

                messages++;
                message.Reset();
                WorkMessage.WriteHeader(message, method.Id, id, next, count, header.TimeoutMilliseconds, header.Target.Span, header.HasTarget);
                var first = next;
                while (next < first + count)
                {
                    batch.HoldPermit(next);
                    published++;
                    arguments.Reset();
                    method.WriteArguments(arguments, items.Span[next]);
                    WorkMessage.WriteItem(message, arguments.WrittenSpan);
                    next++;
                    if (message.Length >= 1 << 20)
                    {
                        break;
                    }
                }

                var body = message.WrittenSpan.ToArray();
                if (next - first < count)
                {
                    // A large message ends early (1 MiB); the room of its items not sent goes back.
                    _inFlight.Release(count - (next - first));
                    WorkMessage.PatchCount(body, method.Id, next - first);
                }

                publishes.Add(PublishWorkAsync(body, token));
            }

            try
            {
                await Task.WhenAll(publishes).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The batch was cancelled: the registration fails what has no outcome.
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled while waiting for room in the window.
        }
        finally
        {
            if (published < items.Length && token.IsCancellationRequested)
            {
                Cancel(batch);
            }
        }

        await batch.Completion.ConfigureAwait(false);
        _batches.TryRemove(id, out _);
        _slots.Release(messages);
    }

    private void Cancel(PendingBatch batch)
    {
        var token = _shutdownCancel.IsCancellationRequested ? _shutdownCancel.Token : CancellationToken.None;
        if (batch.FailRemaining(() => new OperationCanceledException("The map was cancelled before this item finished.", token)) > 0)
        {
            _ = SendCancelAsync(batch.Id);
        }
    }
}
