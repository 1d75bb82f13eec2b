using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Scheduling;

namespace ParallelGen;

/// <summary>
/// A pool of dedicated worker threads, like Python's <c>multiprocessing.Pool(processes, initializer, maxtasksperchild)</c>
/// in one process: <paramref name="initializer"/> runs once on each worker thread before its first item (set up
/// <c>[ThreadStatic]</c> or <c>ThreadLocal</c> state there; if it throws, every item that worker takes fails with that
/// exception), and a worker thread is replaced by a fresh one after
/// <paramref name="maxTasksPerWorker"/> items when that is positive. Workers may block freely; asynchronous bodies are
/// awaited by blocking the worker thread, so the pool's width bounds them too.
/// </summary>
/// <param name="workers">The number of worker threads, at least 1.</param>
/// <param name="initializer">Runs once on each new worker thread, or <see langword="null"/>.</param>
/// <param name="maxTasksPerWorker">Items a worker thread runs before it is replaced; 0 (default) never replaces it.</param>
public sealed class WorkerPool(int workers, Action? initializer = null, int maxTasksPerWorker = 0) : IExecutor, IWorkItemHost
{
    [ThreadStatic]
    private static WorkerPool? s_current;

    private readonly LinkedList<WorkItem> _queue = new();
    private readonly object _gate = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _workers = workers >= 1 ? workers : throw new ArgumentOutOfRangeException(nameof(workers), workers, "A pool needs at least one worker.");
    private readonly int _maxTasksPerWorker = maxTasksPerWorker >= 0 ? maxTasksPerWorker : throw new ArgumentOutOfRangeException(nameof(maxTasksPerWorker), maxTasksPerWorker, "Use 0 for workers that are never replaced.");
    private int _live;
    private int _idle;
    private bool _shutdown;
    private long _threadsStarted;

    /// <summary>The number of worker threads.</summary>
    public int MaxWorkers => _workers;

    /// <summary>How many worker threads have been started so far, replacements included.</summary>
    public long ThreadsStarted => Interlocked.Read(ref _threadsStarted);

    /// <summary>Worker threads alive now.</summary>
    public int LiveWorkers => Volatile.Read(ref _live);

    int IWorkItemHost.Capacity => _workers;

    bool IWorkItemHost.CallerMayJoin => s_current == this;

    /// <inheritdoc/>
    public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ExecutorCore.Submit(this, work, cancellationToken);
    }

    /// <inheritdoc/>
    public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecutorCore.Map(this, items, body, options, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecutorCore.AsCompleted(this, items, body, options, cancellationToken);

    /// <inheritdoc/>
    public Task ShutdownAsync(bool cancelPending = false)
    {
        List<WorkItem>? dropped = null;
        lock (_gate)
        {
            _shutdown = true;
            if (cancelPending && _queue.Count > 0)
            {
                dropped = new List<WorkItem>(_queue);
                _queue.Clear();
            }

            Monitor.PulseAll(_gate);
            if (_live == 0)
            {
                _stopped.TrySetResult();
            }
        }

        if (dropped is not null)
        {
            foreach (var item in dropped)
            {
                ParallelGenTelemetry.Dequeued();
                item.CancelPending();
            }
        }

        return _stopped.Task;
    }

    /// <summary>Shuts down, letting queued and running work finish, and waits until every worker thread has exited.</summary>
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    void IWorkItemHost.Post(WorkItem item)
    {
        lock (_gate)
        {
            if (_shutdown)
            {
                throw ExecutorCore.ShutDown();
            }

            ParallelGenTelemetry.Queued();
            _queue.AddLast(item);

            // Idle workers (woken or not) each take one queued item; start a thread when they cannot cover the queue.
            if (_queue.Count <= _idle)
            {
                Monitor.Pulse(_gate);
            }
            else if (_live < _workers)
            {
                StartThread();
            }
            else if (_idle > 0)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    bool IWorkItemHost.TryRunInline(WorkItem item)
    {
        if (s_current != this)
        {
            // The caller is not one of the pool's workers: the initializer has not run on it.
            return false;
        }

        // A map started from inside one of this pool's items: the worker would only block waiting, so it runs a loop
        // itself (no deadlock when every worker waits on a nested map).
        while (true)
        {
            item.RunBlockingInContext(int.MaxValue, out var finished);
            if (finished)
            {
                return true;
            }
        }
    }

    private void StartThread()
    {
        // Called under _gate.
        _live++;
        Interlocked.Increment(ref _threadsStarted);
        var thread = new Thread(static state => ((WorkerPool)state!).WorkerMain())
        {
            IsBackground = true,
            Name = "ParallelGen worker",
        };
        thread.Start(this);
    }

    private WorkItem? Take()
    {
        lock (_gate)
        {
            while (true)
            {
                if (_queue.First is { } first)
                {
                    _queue.RemoveFirst();
                    ParallelGenTelemetry.Dequeued();
                    return first.Value;
                }

                if (_shutdown)
                {
                    return null;
                }

                _idle++;
                Monitor.Wait(_gate);
                _idle--;
            }
        }
    }

    private void WorkerMain()
    {
        s_current = this;
        ExceptionDispatchInfo? initFailure = null;
        try
        {
            initializer?.Invoke();
        }
        catch (Exception ex)
        {
            initFailure = ExceptionDispatchInfo.Capture(ex);
        }

        var tasks = 0;
        var retire = false;
        while (!retire && Take() is { } item)
        {
            if (initFailure is not null)
            {
                item.Fail(initFailure.SourceException);
                continue;
            }

            var budget = _maxTasksPerWorker > 0 ? _maxTasksPerWorker - tasks : int.MaxValue;
            ParallelGenTelemetry.WorkerStarted();
            bool finished;
            try
            {
                tasks += Math.Max(1, item.RunBlockingInContext(budget, out finished));
            }
            finally
            {
                ParallelGenTelemetry.WorkerStopped();
            }

            lock (_gate)
            {
                if (!finished)
                {
                    // The item (a map's worker loop) used up this worker's budget: a fresh worker carries on with it.
                    ParallelGenTelemetry.Queued();
                    _queue.AddFirst(item);
                }

                retire = _maxTasksPerWorker > 0 && tasks >= _maxTasksPerWorker;
            }
        }

        lock (_gate)
        {
            _live--;
            if (retire && _queue.Count > 0 && _live < _workers)
            {
                StartThread();
            }
            else if (_idle > 0 && _queue.Count > 0)
            {
                Monitor.Pulse(_gate);
            }

            if (_shutdown && _live == 0)
            {
                _stopped.TrySetResult();
            }
        }
    }
}
