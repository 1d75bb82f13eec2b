using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Tests.Remote;

/// <summary>
/// An in-process stand-in for a process pool: each batch runs on a task as a remote worker would run it, every item
/// through a real wire round trip (arguments written and read, the method run by its registered
/// <see cref="RemoteMethod"/>, the result written and read back). Items can be made to crash the "worker" or time out.
/// </summary>
internal sealed class FakeBatchExecutor(int workers) : IBatchExecutor
{
    private readonly ConcurrentQueue<int> _batchSizes = new();
    private int _outstanding;
    private int _maxOutstanding;
    private int _batches;
    private volatile bool _shutdown;

    /// <summary>Items (by argument value) whose worker "dies" while running them.</summary>
    public Func<int, bool> Crashes { get; init; } = _ => false;

    /// <summary>Items (by argument value) that outlive any <c>ItemTimeout</c>.</summary>
    public Func<int, bool> Hangs { get; init; } = _ => false;

    /// <summary>Called before each item runs (tests block here to hold batches in flight).</summary>
    public Action<int>? BeforeItem { get; init; }

    public int MaxWorkers => workers;

    public int Batches => Volatile.Read(ref _batches);

    public int MaxOutstanding => Volatile.Read(ref _maxOutstanding);

    public IReadOnlyCollection<int> BatchSizes => _batchSizes;

    public List<TimeSpan?> Timeouts { get; } = [];

    public List<string> Checked { get; } = [];

    public void EnsureCanRun(RemoteMethod method)
    {
        lock (Checked)
        {
            Checked.Add(method.Id);
        }

        if (method.CannotCrossReason is { } reason)
        {
            throw new NotSupportedException(reason);
        }
    }

    public async ValueTask RunBatchAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        if (_shutdown)
        {
            throw new InvalidOperationException("The executor has been shut down.");
        }

        Interlocked.Increment(ref _batches);
        _batchSizes.Enqueue(items.Length);
        lock (Timeouts)
        {
            Timeouts.Add(itemTimeout);
        }

        var now = Interlocked.Increment(ref _outstanding);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxOutstanding)) && Interlocked.CompareExchange(ref _maxOutstanding, now, seen) != seen)
        {
        }

        try
        {
            // The items cross as bytes: copy them out before the call returns, as a real executor serializes them.
            var arguments = new List<byte[]>(items.Length);
            var writer = new WireWriter();
            foreach (var item in items.Span)
            {
                writer.Reset();
                method.WriteArguments(writer, item);
                arguments.Add(writer.WrittenSpan.ToArray());
            }

            byte[]? targetBytes = null;
            if (method.HasTarget)
            {
                writer.Reset();
                method.WriteTarget(writer, target!);
                targetBytes = writer.WrittenSpan.ToArray();
            }

            await Task.Run(() => RunOnWorker(method, targetBytes, arguments, sink, itemTimeout, cancellationToken)).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _outstanding);
        }
    }

    public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lambdas do not cross.");

    public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lambdas do not cross.");

    public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Lambdas do not cross.");

    public Task ShutdownAsync(bool cancelPending = false)
    {
        _shutdown = true;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(ShutdownAsync());

    private async Task RunOnWorker<TIn, TOut>(RemoteMethod<TIn, TOut> method, byte[]? targetBytes, List<byte[]> arguments, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        var target = targetBytes is null ? null : method.ReadTarget(new WireReader(targetBytes));
        var result = new WireWriter();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                sink.OnError(i, new OperationCanceledException(cancellationToken));
                continue;
            }

            var value = new WireReader(arguments[i]).ReadInt32();
            BeforeItem?.Invoke(value);
            if (Crashes(value))
            {
                sink.OnError(i, new WorkerCrashedException($"The worker running item {value} died.", 4242, 137, "SIGKILL", string.Empty));
                continue;
            }

            if (Hangs(value) && itemTimeout is { } timeout)
            {
                sink.OnError(i, new TimeoutException($"Item {value} did not finish within its ItemTimeout of {timeout}."));
                continue;
            }

            try
            {
                result.Reset();
                await method.InvokeAsync(target, new WireReader(arguments[i]), result, cancellationToken).ConfigureAwait(false);
                var bytes = result.WrittenSpan.ToArray();
                sink.OnResult(i, method.ReadResult(new WireReader(bytes)));
            }
            catch (Exception ex)
            {
                // A real worker sends the exception as data; here it crosses as the same type and message.
                sink.OnError(i, ex);
            }
        }
    }
}
