using System;
using ParallelGen.Infrastructure;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Mapping.Claiming;
using ParallelGen.Scheduling;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// The kind of worker a map runs, chosen once when it starts: threads of the executor running the body in this
/// process (<see cref="Threads"/>), or batches sent to workers outside it (<see cref="Batches"/>). A kind decides how
/// many workers there are, how a chunk runs, how long a chunk should last, and how the workers start; claiming,
/// results, errors, cancellation, progress and the window are the same for every kind.
/// </summary>
internal abstract class WorkerPlan<TIn, TOut>
{
    /// <summary>How long an adaptive chunk should last, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public abstract long TargetTicks { get; }

    /// <summary>How many workers a map of <paramref name="source"/> runs, given the degree asked for.</summary>
    public abstract int WorkerCount(int requested, IExecutor executor, MapSource<TIn> source);

    /// <summary>Runs chunks with the body in this process, or <see langword="null"/> when chunks run elsewhere.</summary>
    public abstract ChunkRunner<TIn, TOut>? Runner(MapRun<TIn, TOut> run, MapSource<TIn> source, TimeSpan? timeout);

    /// <summary>Creates a worker; <paramref name="blocking"/>: every part of the map is synchronous.</summary>
    public abstract MapWorker<TIn, TOut> Create(MapRun<TIn, TOut> run, bool fromBack, bool blocking);

    /// <summary>How the workers are handed over to run.</summary>
    public abstract WorkerLauncher Launcher(IExecutor executor);

    /// <summary>When the workers join the map.</summary>
    public abstract HelperPolicy Helpers(IWorkerDispatch dispatch, IExecutor executor, bool lastBlocks);

    /// <summary>Threads of the executor, in this process.</summary>
    /// <param name="body">The method's body.</param>
    /// <param name="callerJoins">A synchronous map: the caller may run a worker itself.</param>
    public sealed class Threads(WorkBody<TIn, TOut> body, bool callerJoins) : WorkerPlan<TIn, TOut>
    {
        /// <inheritdoc/>
        public override long TargetTicks => ChunkSizer.ThreadTargetTicks;

        /// <inheritdoc/>
        public override int WorkerCount(int requested, IExecutor executor, MapSource<TIn> source)
        {
            var capacity = executor is IWorkItemHost host ? host.Capacity : executor.MaxWorkers;
            var degree = Math.Max(1, Math.Min(requested, capacity));
            return source.IsIndexed ? (int)Math.Max(1, Math.Min(degree, source.Count)) : degree;
        }

        /// <inheritdoc/>
        public override ChunkRunner<TIn, TOut> Runner(MapRun<TIn, TOut> run, MapSource<TIn> source, TimeSpan? timeout) =>
            new(run, body, source, timeout);

        /// <inheritdoc/>
        public override MapWorker<TIn, TOut> Create(MapRun<TIn, TOut> run, bool fromBack, bool blocking) =>
            blocking && body.SyncBody is not null ? new SyncWorker<TIn, TOut>(run, fromBack) : new AsyncWorker<TIn, TOut>(run, fromBack);

        /// <inheritdoc/>
        public override WorkerLauncher Launcher(IExecutor executor) =>
            executor is IWorkItemHost host ? new WorkerLauncher.Host(host) : new WorkerLauncher.Submit(executor);

        /// <inheritdoc/>
        public override HelperPolicy Helpers(IWorkerDispatch dispatch, IExecutor executor, bool lastBlocks) =>
            callerJoins && lastBlocks && executor is IWorkItemHost { CallerMayJoin: true } ? new HelperPolicy.CallerFirst(dispatch) : new HelperPolicy.AllAtOnce(dispatch);
    }

    /// <summary>Batches run by the workers of an <see cref="IBatchExecutor"/>, outside this process.</summary>
    /// <param name="executor">The executor.</param>
    /// <param name="method">The method as it crosses to the workers.</param>
    /// <param name="target">The instance of an instance method, or <see langword="null"/>.</param>
    /// <param name="itemTimeout">The map's <c>ItemTimeout</c>, enforced by the executor.</param>
    public sealed class Batches(IBatchExecutor executor, RemoteMethod<TIn, TOut> method, object? target, TimeSpan? itemTimeout) : WorkerPlan<TIn, TOut>
    {
        /// <inheritdoc/>
        public override long TargetTicks => executor is IBatchDurationHint { TargetBatchDuration: var d } && d > TimeSpan.Zero
            ? Math.Max(1, (long)(d.TotalSeconds * System.Diagnostics.Stopwatch.Frequency))
            : ChunkSizer.BatchTargetTicks;

        /// <inheritdoc/>
        public override int WorkerCount(int requested, IExecutor executor, MapSource<TIn> source)
        {
            // Two batch workers per remote worker: one batch running and one queued on each.
            var workers = 2 * Math.Max(1, Math.Min(requested, executor.MaxWorkers));
            return source.IsIndexed ? (int)Math.Max(1, Math.Min(workers, source.Count)) : workers;
        }

        /// <inheritdoc/>
        public override ChunkRunner<TIn, TOut>? Runner(MapRun<TIn, TOut> run, MapSource<TIn> source, TimeSpan? timeout) => null;

        /// <inheritdoc/>
        public override MapWorker<TIn, TOut> Create(MapRun<TIn, TOut> run, bool fromBack, bool blocking) =>
            new BatchWorker<TIn, TOut>(run, fromBack, executor, method, target, itemTimeout);

        /// <inheritdoc/>
        public override WorkerLauncher Launcher(IExecutor executor) => new WorkerLauncher.ThreadPool();

        /// <inheritdoc/>
        public override HelperPolicy Helpers(IWorkerDispatch dispatch, IExecutor executor, bool lastBlocks) => new HelperPolicy.AllAtOnce(dispatch);
    }
}
