using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>
/// Drives an <see cref="IBatchExecutor"/> the way the map engine does: pulls the source lazily in chunks, keeps at
/// most a bounded number of batches outstanding, and reports every item's outcome by its index. Used until the
/// engine's remote path is in main; afterwards the tests also run the generated XMap on the executor.
/// </summary>
internal static class BatchDriver
{
    public static async Task<MapOutcome<TOut>> MapAsync<TIn, TOut>(
        IBatchExecutor executor, RemoteMethod<TIn, TOut> method, IReadOnlyList<TIn> items, int chunk = 8, int outstanding = 16, TimeSpan? itemTimeout = null, CancellationToken cancellationToken = default)
    {
        var outcome = new MapOutcome<TOut>(items.Count);
        await RunAsync(executor, method, items, outcome.Record, chunk, outstanding, itemTimeout, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public static async Task RunAsync<TIn, TOut>(
        IBatchExecutor executor, RemoteMethod<TIn, TOut> method, IEnumerable<TIn> items, Action<long, TOut?, Exception?> outcome, int chunk, int outstanding, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        executor.EnsureCanRun(method);
        using var window = new SemaphoreSlim(outstanding);
        var running = new List<Task>();
        long next = 0;
        using var source = items.GetEnumerator();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await window.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var buffer = new TIn[chunk];
            var count = 0;
            while (count < chunk && source.MoveNext())
            {
                buffer[count++] = source.Current;
            }

            if (count == 0)
            {
                break;
            }

            var start = next;
            next += count;
            running.Add(RunOneAsync(executor, method, buffer.AsMemory(0, count), new Sink<TOut>(start, outcome), itemTimeout, window, cancellationToken));
            running.RemoveAll(t => t.IsCompletedSuccessfully);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private static async Task RunOneAsync<TIn, TOut>(IBatchExecutor executor, RemoteMethod<TIn, TOut> method, ReadOnlyMemory<TIn> items, Sink<TOut> sink, TimeSpan? itemTimeout, SemaphoreSlim window, CancellationToken cancellationToken)
    {
        try
        {
            await executor.RunBatchAsync(method, null, items, sink, itemTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            window.Release();
        }
    }

    private sealed class Sink<TOut>(long start, Action<long, TOut?, Exception?> outcome) : IBatchSink<TOut>
    {
        public void OnResult(int index, TOut result) => outcome(start + index, result, null);

        public void OnError(int index, Exception error) => outcome(start + index, default, error);
    }
}

/// <summary>Every item's result or error by index, and how many outcomes reached the caller for an item that already
/// had one (duplicates at the caller: must be 0, whatever the executor dropped on the way).</summary>
internal sealed class MapOutcome<TOut>(int count)
{
    private readonly int[] _calls = new int[count];
    private int _duplicates;

    public TOut?[] Results { get; } = new TOut?[count];

    public Exception?[] Errors { get; } = new Exception?[count];

    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Items that got no outcome at all.</summary>
    public int Lost => _calls.Count(c => Volatile.Read(ref c) == 0);

    public void Record(long index, TOut? value, Exception? error)
    {
        if (Interlocked.Increment(ref _calls[index]) > 1)
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }

        Results[index] = value;
        Errors[index] = error;
    }

    public void Deconstruct(out TOut?[] results, out Exception?[] errors)
    {
        results = Results;
        errors = Errors;
    }
}
