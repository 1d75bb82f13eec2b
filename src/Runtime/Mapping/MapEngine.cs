using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Mapping.Workers;
using ParallelGen.Scheduling;

namespace ParallelGen.Mapping;

/// <summary>
/// The map entry points: choose the kind of worker (threads in this process, or batches for an
/// <see cref="IBatchExecutor"/>), build a <see cref="MapRun{TIn, TOut}"/>, start it and collect its outcome.
/// </summary>
internal static class MapEngine
{
    public static IExecutor ExecutorFor(MapOptions? options) => options?.Executor ?? Executors.Default;

    public static TOut[] Map<TIn, TOut>(ParallelMethod method, IExecutor executor, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken, ResultMode mode = ResultMode.Array)
    {
        var run = new MapRun<TIn, TOut>(method, executor, MapSource<TIn>.From(items), PlanFor(method, executor, body, options, callerJoins: true), options, mode, cancellationToken);

        // A thread-pool thread blocks here until the map ends (its own worker, then the wait for the others): it holds
        // a pool thread as much as blocking work does, so it counts against the pool's places for blocking work, and
        // other maps' blocking-capable workers go to dedicated threads instead of queueing behind a pool it helps block.
        using var held = PoolPlaces.For(executor).HoldIfPoolThread();
        run.Start();
        return run.Wait();
    }

    public static Task<TOut[]> MapAsync<TIn, TOut>(ParallelMethod method, IExecutor executor, MapSource<TIn> source, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken, ResultMode mode = ResultMode.Array)
    {
        var run = new MapRun<TIn, TOut>(method, executor, source, PlanFor(method, executor, body, options, callerJoins: false), options, mode, cancellationToken);
        run.Start();
        return run.WaitAsync();
    }

    public static IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(ParallelMethod method, IExecutor executor, MapSource<TIn> source, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken)
    {
        // Checked now, not when enumeration begins: a method that cannot cross fails where the map is written.
        var plan = PlanFor(method, executor, body, options, callerJoins: false);
        return new Deferred<TIn, TOut>(() =>
        {
            var run = new MapRun<TIn, TOut>(method, executor, source, plan, options, ResultMode.Stream, cancellationToken);
            run.Start();
            return run;
        });
    }

    /// <summary>
    /// The kind of worker for a map of <paramref name="method"/> on <paramref name="executor"/>: batches for an
    /// <see cref="IBatchExecutor"/> (after checking, before anything starts, that the method can cross), else threads.
    /// </summary>
    public static WorkerPlan<TIn, TOut> PlanFor<TIn, TOut>(ParallelMethod method, IExecutor executor, WorkBody<TIn, TOut> body, MapOptions? options, bool callerJoins)
    {
        if (body.SyncBody is null && body.AsyncBody is null)
        {
            throw new ArgumentException("The work body is empty.", nameof(body));
        }

        if (executor is IBatchExecutor batches)
        {
            var itemTimeout = options?.ItemTimeout is { } t && t != Timeout.InfiniteTimeSpan ? t : (TimeSpan?)null;
            return new WorkerPlan<TIn, TOut>.Batches(batches, RemoteFor<TIn, TOut>(method, batches), method.Target, itemTimeout);
        }

        return new WorkerPlan<TIn, TOut>.Threads(body, callerJoins);
    }

    /// <summary>
    /// The registered cross-process form of <paramref name="method"/>; throws <see cref="NotSupportedException"/>
    /// (or whatever <see cref="IBatchExecutor.EnsureCanRun"/> throws) when it cannot run on <paramref name="executor"/>.
    /// </summary>
    public static RemoteMethod<TIn, TOut> RemoteFor<TIn, TOut>(ParallelMethod method, IBatchExecutor executor)
    {
        if (!RemoteRegistry.TryGet(method.Id, out var registered))
        {
            throw new NotSupportedException(
                $"The method '{method.Id}' cannot run on {executor.GetType().Name}: it is not registered for running in another process " +
                "(only [Parallelizable] methods of an assembly built with the ParallelGen generator are, not lambdas). Use a ThreadPoolExecutor or WorkerPool for it.");
        }

        executor.EnsureCanRun(registered);
        if (registered.CannotCrossReason is { } reason)
        {
            throw new NotSupportedException(reason);
        }

        if (registered is not RemoteMethod<TIn, TOut> typed)
        {
            throw new NotSupportedException(
                $"The method '{method.Id}' is registered for running in another process with other types than {typeof(TIn)} -> {typeof(TOut)}.");
        }

        if (registered.HasTarget && method.Target is null)
        {
            throw new NotSupportedException($"The instance method '{method.Id}' was called without its instance.");
        }

        return typed;
    }

    /// <summary>Starts the map when enumeration begins, once per enumeration (as a lazy sequence should).</summary>
    private sealed class Deferred<TIn, TOut>(Func<MapRun<TIn, TOut>> start) : IAsyncEnumerable<Completed<TIn, TOut>>
    {
        public IAsyncEnumerator<Completed<TIn, TOut>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            start().ConsumeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
