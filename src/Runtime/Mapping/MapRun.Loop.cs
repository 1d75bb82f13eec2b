using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using ParallelGen.Scheduling;

namespace ParallelGen.Mapping;

internal sealed partial class MapRun<TIn, TOut>
{
    /// <summary>One worker loop of a map, scheduled on the executor as a single work item.</summary>
    private sealed class Loop(MapRun<TIn, TOut> run) : WorkItem
    {
        private TIn[]? _buffer;
        private int _state; // 0 not started, 1 started, 2 exited
        private volatile bool _yield;
        private volatile bool _inChunk;
        private CancellationTokenSource? _timeoutSource;

        /// <summary>Set by other workers (to split this chunk) or by the map stopping: leave the chunk after the current item.</summary>
        public bool Yield
        {
            get => _yield;
            set => _yield = value;
        }

        /// <summary>Whether the loop is inside a chunk with more than one item (something to hand back).</summary>
        public bool InChunk => _inChunk;

        /// <summary>Whether the loop claims indexed items from the back of the range (see <see cref="TwoEndedRange"/>).</summary>
        public bool FromBack { get; init; }

        /// <summary>The adaptive chunk size.</summary>
        public int Chunk { get; set; } = 1;

        public long Start { get; private set; }

        public int Count { get; private set; }

        public TIn[]? Items { get; private set; }

        public int Offset { get; private set; }

        /// <summary>Streaming maps: the finished items of the current chunk, handed to the consumer together at its end.</summary>
        public Completed<TIn, TOut>[]? Batch { get; private set; }

        public int BatchCount { get; set; }

        public override bool PrefersBlocking => run._sync is not null && run._source.AsyncEnumerable is null && !run.Streaming;

        public void SetChunk(long start, int count, TIn[]? items, int offset)
        {
            Start = start;
            Count = count;
            Items = items;
            Offset = offset;
            _inChunk = count > 1;
            if (run.Streaming)
            {
                Batch = new Completed<TIn, TOut>[count];
                BatchCount = 0;
            }
        }

        public void AddToBatch(Completed<TIn, TOut> completed) => Batch![BatchCount++] = completed;

        /// <summary>Hands the chunk's finished items to the consumer in one channel write.</summary>
        public void PublishBatch(Channel<ArraySegment<Completed<TIn, TOut>>> channel)
        {
            if (Batch is { } batch && BatchCount > 0)
            {
                channel.Writer.TryWrite(new ArraySegment<Completed<TIn, TOut>>(batch, 0, BatchCount));
            }

            Batch = null;
            BatchCount = 0;
        }

        public void EndChunk() => _inChunk = false;

        public TIn[] Buffer(int size)
        {
            if (_buffer is null || _buffer.Length < size)
            {
                _buffer = new TIn[Math.Max(size, Math.Min(MaxChunk, (_buffer?.Length ?? 4) * 2))];
            }

            return _buffer;
        }

        public CancellationToken TimeoutToken(TimeSpan timeout)
        {
            var source = _timeoutSource ??= CancellationTokenSource.CreateLinkedTokenSource(run._stop.Token);
            source.CancelAfter(timeout);
            return source.Token;
        }

        public void ResetTimeout()
        {
            if (_timeoutSource is { } source && !source.TryReset())
            {
                source.Dispose();
                _timeoutSource = null;
            }
        }

        /// <summary>Marks the loop started; false when it was retired before it ever ran.</summary>
        private bool TryBegin()
        {
            var previous = Interlocked.CompareExchange(ref _state, 1, 0);
            if (previous == 0)
            {
                Interlocked.Increment(ref run._runningLoops);
            }

            return previous != 2;
        }

        /// <summary>Retires the loop if it never started (the work ran out before the executor got to it).</summary>
        public bool TryRetire() => Interlocked.CompareExchange(ref _state, 2, 0) == 0;

        public override int RunBlocking(int budget, out bool finished)
        {
            finished = true;
            var processed = 0;
            if (!TryBegin())
            {
                return 0;
            }

            try
            {
                while (true)
                {
                    if (processed >= budget)
                    {
                        finished = false;
                        return processed;
                    }

                    var claim = run.ClaimAsync(this, budget - processed, blocking: true);
                    if (!(claim.IsCompletedSuccessfully ? claim.Result : claim.AsTask().GetAwaiter().GetResult()))
                    {
                        break;
                    }

                    processed += run._sync is not null ? run.RunChunk(this) : run.RunChunkAsync(this, blocking: true).AsTask().GetAwaiter().GetResult();
                    run.AfterCallerChunk();
                }
            }
            catch (Exception ex)
            {
                run.RecordSourceFailure(ex);
            }

            Exit();
            return processed;
        }

        public override async ValueTask RunAsync()
        {
            if (!TryBegin())
            {
                return;
            }

            try
            {
                while (await run.ClaimAsync(this, int.MaxValue, blocking: false).ConfigureAwait(false))
                {
                    if (run._sync is not null)
                    {
                        run.RunChunk(this);
                    }
                    else
                    {
                        await run.RunChunkAsync(this, blocking: false).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex)
            {
                run.RecordSourceFailure(ex);
            }
            finally
            {
                Exit();
            }
        }

        public override void CancelPending() => Exit();

        public override void Fail(Exception exception)
        {
            run.RecordSourceFailure(exception);
            Exit();
        }

        public void Exit()
        {
            var previous = Interlocked.Exchange(ref _state, 2);
            if (previous == 1)
            {
                Interlocked.Decrement(ref run._runningLoops);
            }

            if (previous != 2)
            {
                _inChunk = false;
                _timeoutSource?.Dispose();
                run.ExitLoop(retireOthers: true);
            }
        }
    }

    /// <summary>Runs the loop's chunk with the synchronous body: a plain loop, no per-item allocation or task.</summary>
    private int RunChunk(Loop loop)
    {
        var start = loop.Start;
        var count = loop.Count;
        var items = loop.Items;
        var offset = loop.Offset;
        var body = _sync!;
        var token = _stop.Token;
        var began = Stopwatch.GetTimestamp();
        var failed = 0;
        var i = 0;
        if (_timeout is { } timeout)
        {
            for (; i < count; i++)
            {
                if (loop.Yield)
                {
                    break;
                }

                var input = items is not null ? items[offset + i] : _source[start + i];
                var itemBegan = Stopwatch.GetTimestamp();
                var itemToken = loop.TimeoutToken(timeout);
                try
                {
                    var result = body(input, itemToken);
                    if (Stopwatch.GetElapsedTime(itemBegan) > timeout)
                    {
                        throw LateItem(start + i, timeout);
                    }

                    Store(loop, start + i, input, result);
                }
                catch (OperationCanceledException) when (itemToken.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    failed += Fail(loop, start + i, input, LateItem(start + i, timeout));
                }
                catch (Exception ex)
                {
                    failed += Fail(loop, start + i, input, ex);
                }
                finally
                {
                    loop.ResetTimeout();
                }
            }
        }
        else if (items is null && _source.Array is { } array && _results is { } results)
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
                        if (loop.Yield)
                        {
                            goto Left;
                        }

                        outputs[i] = body(inputs[i], token);
                    }
                }
                catch (Exception ex)
                {
                    failed += Fail(loop, start + i, inputs[i], ex);
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
                        if (loop.Yield)
                        {
                            goto Left;
                        }

                        input = items is not null ? items[offset + i] : _source[start + i];
                        Store(loop, start + i, input, body(input, token));
                    }
                }
                catch (Exception ex)
                {
                    failed += Fail(loop, start + i, input, ex);
                    i++;
                }
            }
        }

    Left:
        EndChunk(loop, i, failed, began);
        return i;
    }

    /// <summary>Runs the loop's chunk with the asynchronous body, awaiting (or, on a blocking worker, waiting for) each item.</summary>
    private async ValueTask<int> RunChunkAsync(Loop loop, bool blocking)
    {
        var start = loop.Start;
        var count = loop.Count;
        var items = loop.Items;
        var offset = loop.Offset;
        var body = _async!;
        var token = _stop.Token;
        var began = Stopwatch.GetTimestamp();
        var failed = 0;
        var i = 0;
        for (; i < count; i++)
        {
            if (loop.Yield)
            {
                break;
            }

            var input = items is not null ? items[offset + i] : _source[start + i];
            try
            {
                TOut result;
                if (_timeout is { } timeout)
                {
                    var itemToken = loop.TimeoutToken(timeout);
                    try
                    {
                        var pending = body(input, itemToken);
                        if (pending.IsCompletedSuccessfully)
                        {
                            result = pending.Result;
                        }
                        else
                        {
                            var waited = pending.AsTask().WaitAsync(timeout, token);
                            result = blocking ? waited.GetAwaiter().GetResult() : await waited.ConfigureAwait(false);
                        }
                    }
                    catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && itemToken.IsCancellationRequested && !token.IsCancellationRequested))
                    {
                        throw LateItem(start + i, timeout);
                    }
                    finally
                    {
                        loop.ResetTimeout();
                    }
                }
                else
                {
                    var pending = body(input, token);
                    result = pending.IsCompletedSuccessfully ? pending.Result
                        : blocking ? pending.AsTask().GetAwaiter().GetResult()
                        : await pending.ConfigureAwait(false);
                }

                Store(loop, start + i, input, result);
            }
            catch (Exception ex)
            {
                failed += Fail(loop, start + i, input, ex);
            }
        }

        EndChunk(loop, i, failed, began);
        return i;
    }

    private static TimeoutException LateItem(long index, TimeSpan timeout) =>
        new($"Item {index} did not finish within its ItemTimeout of {timeout}.");

    private void EndChunk(Loop loop, int done, int failed, long began)
    {
        var elapsed = Stopwatch.GetTimestamp() - began;
        if (_channel is { } channel)
        {
            loop.PublishBatch(channel);
        }

        if (done < loop.Count && !_stopping)
        {
            ReturnRest(loop, done);
        }

        var asked = loop.Yield;
        loop.EndChunk();
        if (asked)
        {
            _signal.Set();
        }

        if (done == 0)
        {
            return;
        }

        var succeeded = done - failed;
        if (succeeded > 0)
        {
            Interlocked.Add(ref _completed, succeeded);
        }

        if (failed > 0)
        {
            Interlocked.Add(ref _failed, failed);
        }

        ParallelGenTelemetry.RecordItems(succeeded, failed, (double)elapsed / Stopwatch.Frequency, _methodTag);

        if (_fixedChunk == 0)
        {
            // Aim for a chunk of TargetChunkTicks: grow at most 32x a step, shrink at once.
            var next = elapsed <= 0 ? (long)loop.Chunk * 32 : done * TargetChunkTicks / elapsed;
            loop.Chunk = (int)Math.Clamp(next, 1, Math.Min((long)loop.Chunk * 32, MaxChunk));
        }
    }
}
