using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Scheduling;

namespace ParallelGen;

/// <summary>
/// Runs work on the .NET thread pool with at most <see cref="MaxWorkers"/> items at once, like Python's
/// <c>concurrent.futures.ThreadPoolExecutor(max_workers)</c>. <see cref="Executors.Default"/> is one of these.
/// </summary>
/// <remarks>
/// Work runs on the .NET thread pool. Synchronous work, which may block, runs there only while no more of it runs
/// there than the machine has cores (the pool keeps that many threads ready); beyond that it runs as a plain call on
/// threads of the library's own (started at once when none is free, reused afterwards). Blocking items thus start at
/// once rather than after the pool's gradual thread injection, and the thread pool's settings are left alone.
/// </remarks>
public sealed class ThreadPoolExecutor : IExecutor, IWorkItemHost
{
    [ThreadStatic]
    private static ThreadPoolExecutor? s_current;

    private readonly ConcurrentQueue<WorkItem> _queue = new();
    private readonly int _capacity;
    private readonly PoolPlaces _places = PoolPlaces.Shared;
    private readonly Action<Action<object?>, object?>? _queueOnPool;
    private int _running;
    private volatile bool _shutdown;
    private TaskCompletionSource? _stopped;

    /// <summary>Creates an executor that runs at most <paramref name="maxWorkers"/> items at once.</summary>
    /// <param name="maxWorkers">The executor's width, at least 1; also the degree of a map that asks for none.</param>
    public ThreadPoolExecutor(int maxWorkers)
    {
        if (maxWorkers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWorkers), maxWorkers, "An executor needs at least one worker.");
        }

        MaxWorkers = maxWorkers;
        _capacity = maxWorkers;
    }

    /// <summary>
    /// Creates the default kind of executor: maps that ask for no degree get an automatic one (it starts at
    /// <see cref="Environment.ProcessorCount"/> workers and rises while items wait, up to
    /// <see cref="MapOptions.MaxAutoDegree"/>), and any <see cref="MapOptions.MaxDegreeOfParallelism"/> or number of
    /// submitted calls is honoured (only the thread pool bounds it).
    /// </summary>
    public ThreadPoolExecutor()
    {
        MaxWorkers = Environment.ProcessorCount;
        _capacity = int.MaxValue;
    }

    /// <summary>
    /// For tests: a default-width executor whose drains meant for the thread pool go to <paramref name="queueOnPool"/>
    /// (which may hold them, as a pool whose threads are all blocked would) and whose places for blocking work on the
    /// pool are <paramref name="places"/>.
    /// </summary>
    internal ThreadPoolExecutor(Action<Action<object?>, object?> queueOnPool, PoolPlaces places)
        : this()
    {
        _queueOnPool = queueOnPool;
        _places = places;
    }

    /// <summary>The degree of a map that asks for none; for an executor created with a width, the most items it runs at once.</summary>
    public int MaxWorkers { get; }

    /// <summary>Whether <see cref="ShutdownAsync"/> has been called.</summary>
    public bool IsShutdown => _shutdown;

    int IWorkItemHost.Capacity => _capacity;

    /// <summary>Whether the executor was created without a width (maps that ask for no degree get an automatic one).</summary>
    internal bool IsDefaultWidth => _capacity == int.MaxValue;

    /// <summary>The places for blocking work on the thread pool this executor counts against (process wide but in tests).</summary>
    internal PoolPlaces Places => _places;

    bool IWorkItemHost.CallerMayJoin => !_shutdown;

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
        TaskCompletionSource stopped;
        lock (_queue)
        {
            _shutdown = true;
            stopped = _stopped ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (cancelPending)
        {
            while (_queue.TryDequeue(out var item))
            {
                ParallelGenTelemetry.Dequeued();
                item.CancelPending();
            }
        }

        CheckStopped();
        return stopped.Task;
    }

    /// <summary>Shuts down, letting queued and running work finish, and waits for it.</summary>
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    void IWorkItemHost.Post(WorkItem item)
    {
        if (_shutdown)
        {
            throw ExecutorCore.ShutDown();
        }

        ParallelGenTelemetry.Queued();
        if (_queue.IsEmpty && TryTakeSlot())
        {
            // A free slot and nothing queued before it: the item gets a drain of its own. It never waits for a drain
            // started for another item, which may sit in the thread pool's queue behind blocked pool threads (a CPU
            // map's helper posted while a blocking map grows would otherwise run only when that drain does).
            StartDrain(item);
            return;
        }

        _queue.Enqueue(item);
        StartWorkers();
    }

    bool IWorkItemHost.TryRunInline(WorkItem item)
    {
        if (s_current == this)
        {
            // A map started from inside one of this executor's items: the calling worker already holds a slot and
            // would only block waiting, so it runs a loop itself (no deadlock when every slot waits on a nested map).
            RunOne(item);
            return true;
        }

        if (_shutdown || !TryTakeSlot())
        {
            return false;
        }

        // A caller that is a thread-pool thread is counted against the pool's places for blocking work for the whole
        // map (MapEngine.Map), its own worker and the wait for the others.
        try
        {
            RunOne(item);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            StartWorkers();
            CheckStopped();
        }

        return true;
    }

    private bool TryTakeSlot()
    {
        while (true)
        {
            var running = Volatile.Read(ref _running);
            if (running >= _capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _running, running + 1, running) == running)
            {
                return true;
            }
        }
    }

    private void StartWorkers()
    {
        // Called once per event (an item queued, a worker left): starts at most one drain, which runs the queue's
        // items until it is empty. A busy drain does not take new items, so each queued item gets its own drain
        // until the width is reached.
        if (!_queue.IsEmpty && TryTakeSlot())
        {
            StartDrain(null);
        }
    }

    /// <summary>
    /// Starts a drain (a slot is taken) with <paramref name="first"/>, or with the queue's head. Work that may block
    /// goes to the thread pool while a place for it is free there (the pool keeps about a thread per core ready),
    /// beyond that to dedicated threads; other work always to the pool.
    /// </summary>
    private void StartDrain(WorkItem? first)
    {
        var next = first ?? (_queue.TryPeek(out var head) ? head : null);
        var mayBlock = next?.MayBlock == true;
        if (mayBlock && !_places.TryTake())
        {
            DedicatedThreads.Run(static state => ((Drain)state!).Run(), new Drain(this, first, poolSlot: false));
        }
        else if (_queueOnPool is { } queueOnPool)
        {
            queueOnPool(static state => ((Drain)state!).Run(), new Drain(this, first, mayBlock));
        }
        else
        {
            ThreadPool.QueueUserWorkItem(static drain => drain.Run(), new Drain(this, first, mayBlock), preferLocal: false);
        }
    }

    private async Task DrainAsync(WorkItem? first, bool poolSlot)
    {
        var handedOff = false;
        try
        {
            while (first is not null || _queue.TryDequeue(out first))
            {
                var item = first;
                first = null;
                if (item.MayBlock && !poolSlot && Thread.CurrentThread.IsThreadPoolThread && !(poolSlot = _places.TryTake()))
                {
                    // Blocking work found by a pool thread: the drain (and its slot) moves to a dedicated thread.
                    handedOff = true;
                    DedicatedThreads.Run(static state => ((Drain)state!).Run(), new Drain(this, item, poolSlot: false));
                    return;
                }

                ParallelGenTelemetry.Dequeued();
                if (item.PrefersBlocking)
                {
                    RunOne(item);
                }
                else
                {
                    ParallelGenTelemetry.WorkerStarted();
                    try
                    {
                        ValueTask pending;
                        var outer = s_current;
                        s_current = this;
                        try
                        {
                            pending = item.RunAsyncInContext();
                        }
                        finally
                        {
                            s_current = outer;
                        }

                        await pending.ConfigureAwait(false);
                    }
                    finally
                    {
                        ParallelGenTelemetry.WorkerStopped();
                    }
                }
            }
        }
        finally
        {
            if (poolSlot)
            {
                _places.Release();
            }

            if (!handedOff)
            {
                Interlocked.Decrement(ref _running);
                StartWorkers();
                CheckStopped();
            }
        }
    }

    private void RunOne(WorkItem item)
    {
        ParallelGenTelemetry.WorkerStarted();
        var outer = s_current;
        s_current = this;
        try
        {
            if (item.PrefersBlocking)
            {
                item.RunBlockingInContext(int.MaxValue, out _);
            }
            else
            {
                var pending = item.RunAsyncInContext();
                if (!pending.IsCompleted)
                {
                    pending.AsTask().GetAwaiter().GetResult();
                }
            }
        }
        finally
        {
            s_current = outer;
            ParallelGenTelemetry.WorkerStopped();
        }
    }

    private void CheckStopped()
    {
        if (_shutdown && Volatile.Read(ref _running) == 0 && _queue.IsEmpty)
        {
            _stopped?.TrySetResult();
        }
    }

    /// <summary>A drain about to start (it holds a slot, and a place on the pool when <paramref name="poolSlot"/>), with its first item if it has one.</summary>
    private sealed class Drain(ThreadPoolExecutor executor, WorkItem? first, bool poolSlot)
    {
        public void Run() => _ = executor.DrainAsync(first, poolSlot);
    }
}
