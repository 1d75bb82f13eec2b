using System;
using System.Diagnostics;
using System.Threading;
using ParallelGen.Mapping.Degree;
using ParallelGen.Mapping.Workers;
using ParallelGen.Scheduling;

namespace ParallelGen.Mapping;

/// <summary>
/// The automatic degree of a map that asks for none (docs/design/auto-degree.md): workers are added while items wait
/// and, for synchronous items, given back when more no longer help. The decisions are the
/// <see cref="DegreeController"/>'s; this part feeds it and applies them.
/// </summary>
internal sealed partial class MapRun<TIn, TOut> : IDegreeSampled
{
    private readonly DegreeController? _controller;
    private readonly WorkerPlan<TIn, TOut> _plan;
    private readonly bool _blocking;
    private MapWorker<TIn, TOut>[] _workers;
    private int _workerCount;
    private int _currentDegree;
    private int _retireTickets;
    private bool _sampled;
    private long _lastTick;
    private TimeSpan _lastCpu;
    private long _lastFinished;
    private int _queuedWorkers;

    /// <summary>How many items the map may run at once now: its fixed degree, or where its automatic degree stands.</summary>
    public int CurrentDegree => Volatile.Read(ref _currentDegree);

    /// <summary>Whether the degree is automatic.</summary>
    public bool AutoDegree => _controller is not null;

    /// <summary>
    /// An item of an asynchronous body awaits: its worker's thread is free, so with an automatic degree another worker
    /// may start while items are left.
    /// </summary>
    public void ItemAwaits()
    {
        // A stream whose window is full has nothing for another worker to claim until the consumer takes items.
        if (_controller is not { } controller || _stopping || !WorkLeft() || !Claims.WindowHasRoom)
        {
            return;
        }

        var running = Volatile.Read(ref _activeWorkers);
        if (running >= controller.Cap)
        {
            return;
        }

        int add;
        lock (controller)
        {
            // Workers handed to the executor that have not started will each claim an item: they are not counted again
            // (else every await of the first wave adds a worker per item left, and the extra ones only start and exit).
            var unclaimed = Claims.Unclaimed;
            var waiting = unclaimed == long.MaxValue ? unclaimed : unclaimed + Returned.Count - Volatile.Read(ref _queuedWorkers);
            add = controller.OnAwait(running, waiting);
            Volatile.Write(ref _currentDegree, controller.Degree);
        }

        AddWorkers(add);
    }

    /// <summary>A worker was created: it waits for the executor until it starts, is retired or exits.</summary>
    public void WorkerQueued() => Interlocked.Increment(ref _queuedWorkers);

    /// <summary>A created worker started, was retired before it ran, or exited without running.</summary>
    public void WorkerLeftQueue() => Interlocked.Decrement(ref _queuedWorkers);

    /// <summary>Whether a worker should leave after its chunk because the automatic degree went down.</summary>
    public bool ShouldRetire()
    {
        if (Volatile.Read(ref _retireTickets) <= 0)
        {
            return false;
        }

        return Interlocked.Decrement(ref _retireTickets) >= 0;
    }

    /// <inheritdoc/>
    void IDegreeSampled.Tick(long timestamp, TimeSpan processCpu)
    {
        var finished = Interlocked.Read(ref _completed) + Interlocked.Read(ref _failed);
        if (!_sampled)
        {
            _sampled = true;
            _lastTick = timestamp;
            _lastCpu = processCpu;
            _lastFinished = finished;
            return;
        }

        // Busy: workers that have started. Workers still waiting in the executor's queue use no CPU either; counting
        // them would read "every worker busy, CPU unused" as blocking items and add more workers that also wait.
        var busy = 0;
        foreach (var worker in Workers)
        {
            if (worker.Running)
            {
                busy++;
            }
        }

        var sample = new DegreeSample(
            (double)(timestamp - _lastTick) / Stopwatch.Frequency,
            (processCpu - _lastCpu).TotalSeconds,
            finished - _lastFinished,
            busy,
            WorkLeft() && !_stopping);
        _lastTick = timestamp;
        _lastCpu = processCpu;
        _lastFinished = finished;
        int target;
        lock (_controller!)
        {
            target = _controller.Step(sample);
        }

        Volatile.Write(ref _currentDegree, target);
        var alive = Volatile.Read(ref _activeWorkers);
        if (target > alive)
        {
            Volatile.Write(ref _retireTickets, 0);
            AddWorkers(target - alive);
        }
        else if (target < alive)
        {
            // Workers the executor has not started yet go first: a ticket would be taken by a running worker at the
            // end of its chunk and leave the waiting ones, so a map whose new workers wait in a queue would give up
            // the ones that run.
            var excess = alive - target;
            foreach (var worker in Workers)
            {
                if (excess == 0)
                {
                    break;
                }

                if (worker.TryRetire())
                {
                    excess--;
                    WorkerExited(retireOthers: false);
                }
            }

            Volatile.Write(ref _retireTickets, excess);
        }
    }

    /// <summary>
    /// The controller of a map that asks for no degree, or <see langword="null"/> when its degree is the executor's:
    /// only threads of the default <see cref="ThreadPoolExecutor"/> (no width of the user's) adapt; an executor
    /// created with a width, a <see cref="WorkerPool"/> and executors outside the process keep their own sizing.
    /// </summary>
    private static DegreeController? AutoDegreeFor(WorkerPlan<TIn, TOut> plan, IExecutor executor, MapSource<TIn> source, int cap)
    {
        if (plan is not WorkerPlan<TIn, TOut>.Threads || executor is not ThreadPoolExecutor { IsDefaultWidth: true })
        {
            return null;
        }

        cap = cap > 0 ? cap : DegreeController.DefaultCap;
        if (source.IsIndexed)
        {
            cap = (int)Math.Max(1, Math.Min(cap, source.Count));
        }

        var cores = Environment.ProcessorCount;
        return new DegreeController(Math.Min(cores, cap), cap, cores);
    }

    private void StartAutoDegree()
    {
        if (_controller is not null && _runner is { IsSync: true })
        {
            DegreeMonitor.Register(this);
        }
    }

    private void StopAutoDegree()
    {
        if (_controller is not null && _runner is { IsSync: true })
        {
            DegreeMonitor.Unregister(this);
        }
    }

    /// <summary>Adds up to <paramref name="count"/> workers and hands them to the executor, unless the map has ended.</summary>
    private void AddWorkers(int count)
    {
        for (var n = 0; n < count; n++)
        {
            // A map whose last worker has exited is over: it takes no more. Nor more than the cap at once: awaits on
            // many workers add at the same time, each from the count it read, and without this bound they added
            // thousands of workers to a map of a thousand items (the extra ones only exit again, at a CPU cost).
            var alive = Volatile.Read(ref _activeWorkers);
            if (alive <= 0 || _stopping || alive >= _controller!.Cap)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _activeWorkers, alive + 1, alive) != alive)
            {
                n--;
                continue;
            }

            MapWorker<TIn, TOut> worker;
            lock (_plan)
            {
                var index = _workerCount;
                worker = _plan.Create(this, fromBack: index % 2 == 1, _blocking);
                var workers = _workers;
                if (index == workers.Length)
                {
                    Array.Resize(ref workers, workers.Length * 2);
                }

                workers[index] = worker;
                Volatile.Write(ref _workers, workers);
                Volatile.Write(ref _workerCount, index + 1);
            }

            try
            {
                _launcher.Launch(worker);
            }
            catch (InvalidOperationException)
            {
                // The executor was shut down meanwhile.
                worker.Exit();
                return;
            }
        }
    }
}
