using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Mapping.Sinks;
using ParallelGen.Mapping.Workers;

namespace ParallelGen.Mapping;

/// <summary>The map's outcome: what each chunk did, failures, counts, and the results or exception at the end.</summary>
internal sealed partial class MapRun<TIn, TOut>
{
    private ExceptionDispatchInfo? _firstFailure;
    private ConcurrentQueue<MapFailure>? _failures;
    private long _completed;
    private long _failed;

    /// <summary>Blocks until every worker has exited, then returns the results in input order or throws.</summary>
    public TOut[] Wait()
    {
        _done.Task.GetAwaiter().GetResult();
        return Outcome();
    }

    /// <summary>Waits asynchronously until every worker has exited, then returns the results in input order or throws.</summary>
    public async Task<TOut[]> WaitAsync()
    {
        await _done.Task.ConfigureAwait(false);
        return Outcome();
    }

    /// <summary>The map cannot go on (its source threw, its executor failed): the first such failure ends it.</summary>
    public void RecordSourceFailure(Exception exception)
    {
        Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(exception), null);
        Stop();
    }

    /// <summary>Records a failed item; returns 1 when it counts as a failure (not a consequence of the map stopping).</summary>
    public int Fail(IResultLane<TIn, TOut> lane, long index, TIn input, Exception exception)
    {
        if (exception is OperationCanceledException && _stop.IsCancellationRequested)
        {
            return 0;
        }

        if (_errorMode == ErrorMode.FailFast)
        {
            if (Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(exception), null) is null)
            {
                Stop();
            }

            return 1;
        }

        if (Sink.StreamsFailures)
        {
            lane.Failed(index, input, exception);
        }
        else
        {
            LazyInitializer.EnsureInitialized(ref _failures).Enqueue(new MapFailure(index, exception));
        }

        return 1;
    }

    /// <summary>
    /// A worker's chunk ended after <paramref name="done"/> items (<paramref name="failed"/> of them failed), begun at
    /// <paramref name="began"/>: its results go on, an unstarted rest is handed back, the counts and the worker's
    /// chunk size follow.
    /// </summary>
    public void EndChunk(MapWorker<TIn, TOut> worker, int done, int failed, long began)
    {
        var elapsed = Stopwatch.GetTimestamp() - began;
        worker.Lane.Publish();
        if (worker.CanHandBack && done < worker.Chunk.Count && !_stopping)
        {
            Returned.Return(worker.Chunk, done);
            Signal.Set();
        }

        var asked = worker.Yield;
        worker.EndChunk();
        if (asked)
        {
            Signal.Set();
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
        worker.Size = Sizer.Next(worker.Size, done, elapsed);
    }

    private TOut[] Outcome()
    {
        _firstFailure?.Throw();
        _callerToken.ThrowIfCancellationRequested();
        if (WorkLeft())
        {
            throw new OperationCanceledException("The executor was shut down before the map finished.");
        }

        var results = Sink.Results(Claims.Total);
        if (_failures is { IsEmpty: false } failures)
        {
            var sorted = failures.ToArray();
            Array.Sort(sorted, static (a, b) => a.Index.CompareTo(b.Index));
            foreach (var failure in sorted)
            {
                Sink.ClearFailed(failure.Index);
            }

            throw new MapException(sorted, Sink.KeepsResults ? results : null);
        }

        return results;
    }

    private MapProgress ReadProgress() =>
        new(Interlocked.Read(ref _completed), Interlocked.Read(ref _failed), Claims.Total is >= 0 and var total ? total : null) { Degree = CurrentDegree };

    private void EndActivity()
    {
        if (_activity is not { } activity)
        {
            return;
        }

        activity.SetTag("parallelgen.items.completed", Interlocked.Read(ref _completed));
        activity.SetTag("parallelgen.items.failed", Interlocked.Read(ref _failed));
        if (_firstFailure is { } failure)
        {
            activity.SetStatus(ActivityStatusCode.Error, failure.SourceException.Message);
        }
        else if (_failures is { IsEmpty: false })
        {
            activity.SetStatus(ActivityStatusCode.Error, "Some items failed.");
        }

        activity.Stop();
    }
}
