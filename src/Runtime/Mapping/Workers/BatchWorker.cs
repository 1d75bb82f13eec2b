using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Mapping.Sinks;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// A worker whose chunks run outside this process: each chunk it claims goes to
/// <see cref="IBatchExecutor.RunBatchAsync{TIn, TOut}"/> as one batch, and the outcome of each item comes back
/// through the map's sink. The map runs two of these per remote worker, so each has one batch running and one queued.
/// A sent batch cannot be split, so these never hand back a rest; the guided share keeps the last batches small.
/// </summary>
internal sealed class BatchWorker<TIn, TOut>(MapRun<TIn, TOut> run, bool fromBack, IBatchExecutor executor, RemoteMethod<TIn, TOut> method, object? target, TimeSpan? itemTimeout)
    : MapWorker<TIn, TOut>(run, fromBack, concurrentResults: true)
{
    /// <inheritdoc/>
    public override bool CanHandBack => false;

    /// <inheritdoc/>
    public override bool PrefersBlocking => false;

    /// <inheritdoc/>
    public override int RunBlocking(int budget, out bool finished)
    {
        finished = true;
        RunAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    /// <inheritdoc/>
    public override async ValueTask RunAsync()
    {
        if (!TryBegin())
        {
            return;
        }

        try
        {
            while (await Run.Claimer.ClaimAsync(this, int.MaxValue).ConfigureAwait(false))
            {
                await RunBatchAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            Run.RecordSourceFailure(ex);
        }
        finally
        {
            Exit();
        }
    }

    private async ValueTask RunBatchAsync()
    {
        var chunk = Chunk;
        var items = chunk.Items is { } read ? new ReadOnlyMemory<TIn>(read, chunk.Offset, chunk.Count)
            : Run.Source.Array is { } array ? new ReadOnlyMemory<TIn>(array, (int)chunk.Start, chunk.Count)
            : CopyIndexed();
        var outcomes = new Outcomes(Run, Lane, chunk.Start, items);
        var began = Stopwatch.GetTimestamp();
        try
        {
            await executor.RunBatchAsync(method, target, items, outcomes, itemTimeout, Run.StopToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Run.StopToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The executor could not run the batch at all (it was shut down, its workers cannot start): the map stops.
            Run.RecordSourceFailure(ex);
        }

        Run.EndChunk(this, outcomes.Done, outcomes.Failed, began);
    }

    private ReadOnlyMemory<TIn> CopyIndexed()
    {
        var chunk = Chunk;
        var buffer = chunk.Buffer(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            buffer[i] = Run.Source[chunk.Start + i];
        }

        return new ReadOnlyMemory<TIn>(buffer, 0, chunk.Count);
    }

    /// <summary>Receives a batch's outcomes, from whichever threads read the remote workers' replies.</summary>
    private sealed class Outcomes(MapRun<TIn, TOut> run, IResultLane<TIn, TOut> lane, long start, ReadOnlyMemory<TIn> items) : IBatchSink<TOut>
    {
        private int _succeeded;
        private int _failed;

        /// <summary>How many items finished, failed or not (items cancelled by the map stopping not counted).</summary>
        public int Done => Volatile.Read(ref _succeeded) + Volatile.Read(ref _failed);

        /// <summary>How many items failed.</summary>
        public int Failed => Volatile.Read(ref _failed);

        public void OnResult(int index, TOut result)
        {
            lane.Store(start + index, items.Span[index], result);
            Interlocked.Increment(ref _succeeded);
        }

        public void OnError(int index, Exception error)
        {
            var counted = run.Fail(lane, start + index, items.Span[index], error);
            if (counted > 0)
            {
                Interlocked.Add(ref _failed, counted);
            }
        }
    }
}
