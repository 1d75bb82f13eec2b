using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;

namespace ParallelGen.Mapping;

/// <summary>The map entry points: build a <see cref="MapRun{TIn, TOut}"/>, start it and collect its outcome.</summary>
internal static class MapEngine
{
    public static IExecutor ExecutorFor(MapOptions? options) => options?.Executor ?? Executors.Default;

    public static TOut[] Map<TIn, TOut>(ParallelMethod method, IExecutor executor, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken, ResultMode mode = ResultMode.Array)
    {
        var run = new MapRun<TIn, TOut>(method, executor, MapSource<TIn>.From(items), body, options, mode, cancellationToken);
        run.Start(callerJoins: true);
        return run.Wait();
    }

    public static Task<TOut[]> MapAsync<TIn, TOut>(ParallelMethod method, IExecutor executor, MapSource<TIn> source, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken, ResultMode mode = ResultMode.Array)
    {
        var run = new MapRun<TIn, TOut>(method, executor, source, body, options, mode, cancellationToken);
        run.Start(callerJoins: false);
        return run.WaitAsync();
    }

    public static IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(ParallelMethod method, IExecutor executor, MapSource<TIn> source, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken) =>
        new Deferred<TIn, TOut>(() =>
        {
            var run = new MapRun<TIn, TOut>(method, executor, source, body, options, ResultMode.Stream, cancellationToken);
            run.Start(callerJoins: false);
            return run;
        });

    /// <summary>Starts the map when enumeration begins, once per enumeration (as a lazy sequence should).</summary>
    private sealed class Deferred<TIn, TOut>(System.Func<MapRun<TIn, TOut>> start) : IAsyncEnumerable<Completed<TIn, TOut>>
    {
        public IAsyncEnumerator<Completed<TIn, TOut>> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            start().ConsumeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
