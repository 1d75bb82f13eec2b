using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Processes;

/// <summary>
/// One <c>RunBatchAsync</c> call: the items, the sink and the bookkeeping that makes every item get exactly one call
/// on the sink (a result, or an exception), whatever races between results, crashes, timeouts and cancellation.
/// </summary>
internal abstract class BatchJob
{
    private readonly int[] _done;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IBatchStartGate? _gate;
    private bool[]? _started;
    private int[]? _retries;
    private int _remaining;

    protected BatchJob(RemoteMethod method, byte[] target, int count, IBatchStartGate? gate, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        _gate = gate;
        Method = method;
        Target = target;
        Count = count;
        ItemTimeout = itemTimeout;
        CancellationToken = cancellationToken;
        _done = new int[count];
        _remaining = count;
        if (count == 0)
        {
            _completed.TrySetResult();
        }
    }

    public RemoteMethod Method { get; }

    public byte[] Target { get; }

    public int Count { get; }

    public TimeSpan? ItemTimeout { get; }

    public CancellationToken CancellationToken { get; }

    public Task Completion => _completed.Task;

    /// <summary>
    /// Whether the sink must hear when each item starts (<see cref="IBatchStartGate"/>): its items go one at a time,
    /// only to a worker with nothing outstanding, so an item not yet sent is still cancellable.
    /// </summary>
    public bool Gated => _gate is not null;

    /// <summary>
    /// Asks the gate, once per item, whether item <paramref name="index"/> may start now (under the pool's lock); an
    /// item that already started (and is run again after a crash) passes.
    /// </summary>
    public bool TryStart(int index)
    {
        if (_gate is null)
        {
            return true;
        }

        _started ??= new bool[Count];
        if (!_started[index])
        {
            _started[index] = _gate.TryStart(index);
        }

        return _started[index];
    }

    public bool IsDone(int index) => Volatile.Read(ref _done[index]) != 0;

    /// <summary>Counts a retry of item <paramref name="index"/>; the number of retries so far, this one included.</summary>
    public int CountRetry(int index)
    {
        _retries ??= new int[Count];
        return ++_retries[index];
    }

    /// <summary>Writes item <paramref name="index"/>'s arguments.</summary>
    public abstract void WriteItem(WireWriter writer, int index);

    public void Succeed(int index, ReadOnlyMemory<byte> payload)
    {
        if (!Claim(index))
        {
            return;
        }

        try
        {
            DeliverResult(index, new WireReader(payload));
        }
        catch (Exception ex)
        {
            DeliverError(index, ex is InvalidDataException ? ex : new InvalidDataException($"The result of '{Method.Id}' could not be read: {ex.Message}", ex));
        }

        Finish();
    }

    public void Fail(int index, Exception error)
    {
        if (!Claim(index))
        {
            return;
        }

        DeliverError(index, error);
        Finish();
    }

    protected abstract void DeliverResult(int index, WireReader reader);

    protected abstract void DeliverError(int index, Exception error);

    private bool Claim(int index) => Interlocked.Exchange(ref _done[index], 1) == 0;

    private void Finish()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _completed.TrySetResult();
        }
    }
}

/// <summary>The typed half of a <see cref="BatchJob"/>.</summary>
internal sealed class BatchJob<TIn, TOut> : BatchJob
{
    private readonly RemoteMethod<TIn, TOut> _method;
    private readonly ReadOnlyMemory<TIn> _items;
    private readonly IBatchSink<TOut> _sink;

    public BatchJob(RemoteMethod<TIn, TOut> method, byte[] target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
        : base(method, target, items.Length, sink as IBatchStartGate, itemTimeout, cancellationToken)
    {
        _method = method;
        _items = items;
        _sink = sink;
    }

    public override void WriteItem(WireWriter writer, int index) => _method.WriteArguments(writer, _items.Span[index]);

    protected override void DeliverResult(int index, WireReader reader)
    {
        var result = _method.ReadResult(reader);
        _sink.OnResult(index, result);
    }

    protected override void DeliverError(int index, Exception error) => _sink.OnError(index, error);
}
