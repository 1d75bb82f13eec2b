using System;
using System.Threading;
using ParallelGen.Mapping.Claiming;
using ParallelGen.Mapping.Sinks;
using ParallelGen.Scheduling;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// One worker of a map, scheduled as a single work item: it claims chunks and runs them until no work is left. The
/// kinds (<see cref="SyncWorker{TIn, TOut}"/>, <see cref="AsyncWorker{TIn, TOut}"/>, <see cref="BatchWorker{TIn, TOut}"/>)
/// differ only in how a chunk runs; claiming, results and the end of the map are the run's.
/// </summary>
internal abstract class MapWorker<TIn, TOut> : WorkItem
{
    private int _state; // 0 not started, 1 started, 2 exited
    private volatile bool _yield;
    private volatile bool _inChunk;

    /// <summary>Creates worker for <paramref name="run"/>.</summary>
    protected MapWorker(MapRun<TIn, TOut> run, bool fromBack, bool concurrentResults)
    {
        Run = run;
        run.WorkerQueued();
        Chunk = new Chunk<TIn>(fromBack);
        Lane = run.Sink.Lane(concurrentResults);
    }

    /// <summary>The map.</summary>
    public MapRun<TIn, TOut> Run { get; }

    /// <summary>The items the worker holds.</summary>
    public Chunk<TIn> Chunk { get; }

    /// <summary>The worker's way into the results.</summary>
    public IResultLane<TIn, TOut> Lane { get; }

    /// <summary>The adaptive chunk size.</summary>
    public int Size { get; set; } = 1;

    /// <summary>Whether the worker can hand back the unstarted rest of its chunk (threads can; a sent batch cannot).</summary>
    public abstract bool CanHandBack { get; }

    /// <summary>Set by other workers (to split this chunk) or by the map stopping: leave the chunk after the current item.</summary>
    public bool Yield
    {
        get => _yield;
        set => _yield = value;
    }

    /// <summary>Whether the worker is inside a chunk with more than one item that it can hand back.</summary>
    public bool InChunk => _inChunk;

    /// <summary>A chunk was claimed: it starts.</summary>
    public void BeginChunk()
    {
        _inChunk = CanHandBack && Chunk.Count > 1;
        Lane.Begin(Chunk.Count);
    }

    /// <summary>The chunk ended.</summary>
    public void EndChunk() => _inChunk = false;

    /// <summary>Whether the worker has started and not exited (a worker still in the executor's queue has not).</summary>
    public bool Running => Volatile.Read(ref _state) == 1;

    /// <summary>Retires the worker if it never started (the work ran out before the executor got to it).</summary>
    public bool TryRetire()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) != 0)
        {
            return false;
        }

        Run.WorkerLeftQueue();
        return true;
    }

    /// <inheritdoc/>
    public override void CancelPending() => Exit();

    /// <inheritdoc/>
    public override void Fail(Exception exception)
    {
        Run.RecordSourceFailure(exception);
        Exit();
    }

    /// <summary>The worker is done (or will never run): the map learns it once.</summary>
    public void Exit()
    {
        var was = Interlocked.Exchange(ref _state, 2);
        if (was == 0)
        {
            Run.WorkerLeftQueue();
        }

        if (was != 2)
        {
            _inChunk = false;
            OnExit();
            Run.WorkerExited(retireOthers: true);
        }
    }

    /// <summary>Marks the worker started; false when it was retired before it ever ran.</summary>
    protected bool TryBegin()
    {
        var was = Interlocked.CompareExchange(ref _state, 1, 0);
        if (was == 0)
        {
            Run.WorkerLeftQueue();
        }

        return was != 2;
    }

    /// <summary>Releases what the worker holds, once, when it exits.</summary>
    protected virtual void OnExit()
    {
    }
}
