using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Mapping;

namespace ParallelGen.Scheduling;

/// <summary>What the executors of this assembly share: submission and the map entry points.</summary>
internal static class ExecutorCore
{
    private static readonly ParallelMethod s_anonymous = new("(lambda)");

    public static InvalidOperationException ShutDown() =>
        new("The executor has been shut down; it accepts no new work.");

    public static Future<T> Submit<T>(IWorkItemHost host, Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var item = new FutureWorkItem<T>(null, work, cancellationToken);
        item.CaptureContext();
        host.Post(item);
        return item.Future;
    }

    public static Future<T> SubmitSync<T>(IWorkItemHost host, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        var item = new FutureWorkItem<T>(work, null, cancellationToken);
        item.CaptureContext();
        host.Post(item);
        return item.Future;
    }

    public static TOut[] Map<TIn, TOut>(IExecutor executor, IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return MapEngine.Map(s_anonymous, executor, items, WorkBody<TIn, TOut>.Sync((item, _) => body(item)), options, cancellationToken);
    }

    public static IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IExecutor executor, IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return MapEngine.AsCompleted(s_anonymous, executor, MapSource<TIn>.From(items), WorkBody<TIn, TOut>.Sync((item, _) => body(item)), options, cancellationToken);
    }
}
