using System;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// A batch a caller has published and not yet finished: which items have their outcome (the first result of an item
/// wins; a later one is a duplicate), and the completion that <c>RunBatchAsync</c> awaits.
/// </summary>
internal abstract class PendingBatch
{
    private readonly int[] _done;
    private readonly int[] _permits;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action _itemFinished;
    private StartedMessage?[]? _holders;
    private int _remaining;

    protected PendingBatch(long id, int count, Action itemFinished)
    {
        Id = id;
        _done = new int[count];
        _permits = new int[count];
        _remaining = count;
        _itemFinished = itemFinished;
        if (count == 0)
        {
            _completion.TrySetResult();
        }
    }

    public long Id { get; }

    public int Count => _done.Length;

    public Task Completion => _completion.Task;

    /// <summary>Delivers a worker's result; false when the item already had its outcome (a duplicate).</summary>
    public bool TryComplete(in ItemOutcome result, string worker)
    {
        if (!TryClaim(result.Index))
        {
            return false;
        }

        if (result.Kind == ResultKind.Value)
        {
            DeliverValue(result.Index, new WireReader(result.Payload));
        }
        else
        {
            Exception error;
            try
            {
                error = ExceptionData.Read(new WireReader(result.Payload)).ToException(worker);
            }
            catch (System.IO.InvalidDataException e)
            {
                error = e;
            }

            DeliverError(result.Index, error);
        }

        Finished(result.Index);
        return true;
    }

    /// <summary>Records the worker that reported starting an item (the last report wins).</summary>
    public void RecordHolder(StartedMessage started)
    {
        if ((uint)started.Index < (uint)_done.Length)
        {
            var holders = Volatile.Read(ref _holders) ?? Interlocked.CompareExchange(ref _holders, new StartedMessage?[_done.Length], null) ?? _holders;
            holders[started.Index] = started;
        }
    }

    /// <summary>The last worker that reported starting item <paramref name="index"/>, when one did.</summary>
    public StartedMessage? Holder(int index) => (uint)index < (uint)_done.Length ? Volatile.Read(ref _holders)?[index] : null;

    /// <summary>Whether item <paramref name="index"/> already has its outcome.</summary>
    public bool HasOutcome(int index) => (uint)index >= (uint)_done.Length || Volatile.Read(ref _done[index]) != 0;

    /// <summary>Fails item <paramref name="index"/>; false when it already had its outcome.</summary>
    public bool TryFail(int index, Exception error)
    {
        if (!TryClaim(index))
        {
            return false;
        }

        DeliverError(index, error);
        Finished(index);
        return true;
    }

    /// <summary>Fails every item without an outcome yet; returns how many.</summary>
    public int FailRemaining(Func<Exception> error)
    {
        var failed = 0;
        for (var i = 0; i < _done.Length; i++)
        {
            if (TryFail(i, error()))
            {
                failed++;
            }
        }

        return failed;
    }

    /// <summary>Records that item <paramref name="index"/> holds a window permit, released when the item finishes
    /// (at once if it already has).</summary>
    public void HoldPermit(int index)
    {
        if (Interlocked.CompareExchange(ref _permits[index], 1, 0) != 0)
        {
            _itemFinished();
        }
    }

    protected abstract void DeliverValue(int index, WireReader payload);

    protected abstract void DeliverError(int index, Exception error);

    private bool TryClaim(int index) => (uint)index < (uint)_done.Length && Interlocked.Exchange(ref _done[index], 1) == 0;

    private void Finished(int index)
    {
        if (Interlocked.Exchange(ref _permits[index], 2) == 1)
        {
            _itemFinished();
        }

        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _completion.TrySetResult();
        }
    }
}

/// <summary>The typed half: reads results with the method's generated reader and reports them to the engine's sink.</summary>
internal sealed class PendingBatch<TIn, TOut>(long id, int count, Action itemFinished, RemoteMethod<TIn, TOut> method, IBatchSink<TOut> sink)
    : PendingBatch(id, count, itemFinished)
{
    protected override void DeliverValue(int index, WireReader payload)
    {
        TOut value;
        try
        {
            value = method.ReadResult(payload);
        }
        catch (Exception e)
        {
            // A result the generated reader cannot read fails its item only, never the reply consumer.
            sink.OnError(index, new System.IO.InvalidDataException($"The result of item {index} could not be read: {e.Message}", e));
            return;
        }

        sink.OnResult(index, value);
    }

    protected override void DeliverError(int index, Exception error) => sink.OnError(index, error);
}
