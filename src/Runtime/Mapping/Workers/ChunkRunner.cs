using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// Runs a thread worker's chunk with the method's body: a plain loop for a synchronous body (no per-item allocation
/// or task), awaiting each item for an asynchronous one. Leaves the chunk after the current item when asked to
/// (<see cref="MapWorker{TIn, TOut}.Yield"/>); <see cref="MapRun{TIn, TOut}.EndChunk"/> hands back the rest.
/// </summary>
internal sealed class ChunkRunner<TIn, TOut>(MapRun<TIn, TOut> run, WorkBody<TIn, TOut> body, MapSource<TIn> source, TimeSpan? timeout)
{
    private readonly Func<TIn, CancellationToken, TOut>? _sync = body.SyncBody;
    private readonly Func<TIn, CancellationToken, ValueTask<TOut>>? _async = body.AsyncBody;
    private readonly ChunkBody<TIn, TOut>? _chunk = body.ChunkBody;

    /// <summary>Chunks this big (items of about a microsecond or less) run through the method's generated loop.</summary>
    internal const int LoopFrom = 64;

    /// <summary>The items the generated loop runs between two checks of <see cref="MapWorker{TIn, TOut}.Yield"/>.</summary>
    internal const int LoopSlice = 256;

    /// <summary>Whether the body is synchronous (<see cref="RunSync"/>); else <see cref="RunAsync"/>.</summary>
    public bool IsSync => _sync is not null;

    /// <summary>Runs the worker's chunk with the synchronous body; returns how many items it ran.</summary>
    public int RunSync(ThreadWorker<TIn, TOut> worker)
    {
        var chunk = worker.Chunk;
        var start = chunk.Start;
        var count = chunk.Count;
        var items = chunk.Items;
        var offset = chunk.Offset;
        var lane = worker.Lane;
        var body = _sync!;
        var token = run.StopToken;
        var began = Stopwatch.GetTimestamp();
        var failed = 0;
        var i = 0;
        if (timeout is { } limit)
        {
            for (; i < count; i++)
            {
                if (worker.Yield)
                {
                    break;
                }

                var input = items is not null ? items[offset + i] : source[start + i];
                var itemBegan = Stopwatch.GetTimestamp();
                var itemToken = worker.TimeoutToken(limit);
                try
                {
                    var result = body(input, itemToken);
                    if (Stopwatch.GetElapsedTime(itemBegan) > limit)
                    {
                        throw LateItem(start + i, limit);
                    }

                    lane.Store(start + i, input, result);
                }
                catch (OperationCanceledException) when (itemToken.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    failed += run.Fail(lane, start + i, input, LateItem(start + i, limit));
                }
                catch (Exception ex)
                {
                    failed += run.Fail(lane, start + i, input, ex);
                }
                finally
                {
                    worker.ResetTimeout();
                }
            }
        }
        else if (_chunk is { } loop && count >= LoopFrom && items is null && source.Array is { } cheapArray && run.Sink.Direct is { } cheapResults)
        {
            // Cheap items of an array into an array: the generated loop calls the method directly (the JIT inlines
            // a tiny one), a slice at a time, instead of one delegate call per item.
            var inputs = new ReadOnlySpan<TIn>(cheapArray, (int)start, count);
            var outputs = new Span<TOut>(cheapResults, (int)start, count);
            while (i < count)
            {
                if (worker.Yield)
                {
                    break;
                }

                var end = Math.Min(count, i + LoopSlice);
                var done = 0;
                try
                {
                    loop(inputs[i..end], outputs[i..end], ref done);
                    i = end;
                }
                catch (Exception ex)
                {
                    i += done;
                    failed += run.Fail(lane, start + i, inputs[i], ex);
                    i++;
                }
            }
        }
        else if (items is null && source.Array is { } array && run.Sink.Direct is { } results)
        {
            // The hot path: an array mapped into an array, a plain loop over spans (no bounds checks, no allocation).
            var inputs = new ReadOnlySpan<TIn>(array, (int)start, count);
            var outputs = new Span<TOut>(results, (int)start, count);
            while (i < inputs.Length)
            {
                try
                {
                    for (; i < inputs.Length; i++)
                    {
                        if (worker.Yield)
                        {
                            goto Left;
                        }

                        outputs[i] = body(inputs[i], token);
                    }
                }
                catch (Exception ex)
                {
                    failed += run.Fail(lane, start + i, inputs[i], ex);
                    i++;
                }
            }
        }
        else
        {
            while (i < count)
            {
                var input = default(TIn)!;
                try
                {
                    for (; i < count; i++)
                    {
                        if (worker.Yield)
                        {
                            goto Left;
                        }

                        input = items is not null ? items[offset + i] : source[start + i];
                        lane.Store(start + i, input, body(input, token));
                    }
                }
                catch (Exception ex)
                {
                    failed += run.Fail(lane, start + i, input, ex);
                    i++;
                }
            }
        }

    Left:
        run.EndChunk(worker, i, failed, began);
        return i;
    }

    /// <summary>Runs the worker's chunk with the asynchronous body, awaiting each item; returns how many items it ran.</summary>
    public async ValueTask<int> RunAsync(ThreadWorker<TIn, TOut> worker)
    {
        var chunk = worker.Chunk;
        var start = chunk.Start;
        var count = chunk.Count;
        var items = chunk.Items;
        var offset = chunk.Offset;
        var lane = worker.Lane;
        var body = _async!;
        var token = run.StopToken;
        var began = Stopwatch.GetTimestamp();
        var failed = 0;
        var i = 0;
        for (; i < count; i++)
        {
            if (worker.Yield)
            {
                break;
            }

            var input = items is not null ? items[offset + i] : source[start + i];
            try
            {
                TOut result;
                if (timeout is { } limit)
                {
                    var itemToken = worker.TimeoutToken(limit);
                    try
                    {
                        var pending = body(input, itemToken);
                        if (pending.IsCompletedSuccessfully)
                        {
                            result = pending.Result;
                        }
                        else
                        {
                            run.ItemAwaits();
                            result = await pending.AsTask().WaitAsync(limit, token).ConfigureAwait(false);
                        }
                    }
                    catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && itemToken.IsCancellationRequested && !token.IsCancellationRequested))
                    {
                        throw LateItem(start + i, limit);
                    }
                    finally
                    {
                        worker.ResetTimeout();
                    }
                }
                else
                {
                    var pending = body(input, token);
                    if (pending.IsCompletedSuccessfully)
                    {
                        result = pending.Result;
                    }
                    else
                    {
                        run.ItemAwaits();
                        result = await pending.ConfigureAwait(false);
                    }
                }

                lane.Store(start + i, input, result);
            }
            catch (Exception ex)
            {
                failed += run.Fail(lane, start + i, input, ex);
            }
        }

        run.EndChunk(worker, i, failed, began);
        return i;
    }

    /// <summary>The exception of an item that outlived its <c>ItemTimeout</c>.</summary>
    public static TimeoutException LateItem(long index, TimeSpan timeout) =>
        new($"Item {index} did not finish within its ItemTimeout of {timeout}.");
}
