using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Mapping;
using ParallelGen.Shared;
using ParallelGen.Scheduling;

namespace ParallelGen.Infrastructure;

/// <summary>
/// The entry points that generated wrappers call. Their signatures are the contract between the generator and the
/// runtime: change both together. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public static class GeneratedSupport
{
    /// <summary>Backs <c>XMap</c>: results in input order.</summary>
    public static TOut[] Map<TIn, TOut>(ParallelMethod method, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        return MapEngine.Map(method, MapEngine.ExecutorFor(options), items, body, options, cancellationToken);
    }

    /// <summary>Backs <c>XMap</c> of a method without a result.</summary>
    public static void MapVoid<TIn>(ParallelMethod method, IEnumerable<TIn> items, WorkBody<TIn, NoResult> body, MapOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        MapEngine.Map(method, MapEngine.ExecutorFor(options), items, body, options, cancellationToken, ResultMode.Discard);
    }

    /// <summary>Backs <c>XMapAsync</c>.</summary>
    public static Task<TOut[]> MapAsync<TIn, TOut>(ParallelMethod method, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken) =>
        MapEngine.MapAsync(method, MapEngine.ExecutorFor(options), MapSource<TIn>.From(items), body, options, cancellationToken);

    /// <summary>Backs <c>XMapAsync</c> over an asynchronous source, pulled lazily through a bounded window.</summary>
    public static Task<TOut[]> MapAsync<TIn, TOut>(ParallelMethod method, IAsyncEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken) =>
        MapEngine.MapAsync(method, MapEngine.ExecutorFor(options), MapSource<TIn>.From(items), body, options, cancellationToken);

    /// <summary>Backs <c>XMapAsync</c> of a method without a result.</summary>
    public static Task MapVoidAsync<TIn>(ParallelMethod method, IEnumerable<TIn> items, WorkBody<TIn, NoResult> body, MapOptions? options, CancellationToken cancellationToken) =>
        MapEngine.MapAsync(method, MapEngine.ExecutorFor(options), MapSource<TIn>.From(items), body, options, cancellationToken, ResultMode.Discard);

    /// <summary>Backs <c>XMapAsync</c> of a method without a result, over an asynchronous source.</summary>
    public static Task MapVoidAsync<TIn>(ParallelMethod method, IAsyncEnumerable<TIn> items, WorkBody<TIn, NoResult> body, MapOptions? options, CancellationToken cancellationToken) =>
        MapEngine.MapAsync(method, MapEngine.ExecutorFor(options), MapSource<TIn>.From(items), body, options, cancellationToken, ResultMode.Discard);

    /// <summary>Backs <c>XAsCompleted</c>: finished items in completion order (input order with <see cref="MapOptions.Ordered"/>).</summary>
    public static IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(ParallelMethod method, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken) =>
        MapEngine.AsCompleted(method, MapEngine.ExecutorFor(options), MapSource<TIn>.From(items), body, options, cancellationToken);

    /// <summary>Backs <c>XAsCompleted</c> over an asynchronous source.</summary>
    public static IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(ParallelMethod method, IAsyncEnumerable<TIn> items, WorkBody<TIn, TOut> body, MapOptions? options, CancellationToken cancellationToken) =>
        MapEngine.AsCompleted(method, MapEngine.ExecutorFor(options), MapSource<TIn>.From(items), body, options, cancellationToken);

    /// <summary>Backs <c>XAsCompleted</c> of a method without a result.</summary>
    public static IAsyncEnumerable<Completed<TIn>> AsCompletedVoid<TIn>(ParallelMethod method, IEnumerable<TIn> items, WorkBody<TIn, NoResult> body, MapOptions? options, CancellationToken cancellationToken) =>
        AsCompleted(method, items, body, options, cancellationToken);

    /// <summary>Backs <c>XAsCompleted</c> of a method without a result, over an asynchronous source.</summary>
    public static IAsyncEnumerable<Completed<TIn>> AsCompletedVoid<TIn>(ParallelMethod method, IAsyncEnumerable<TIn> items, WorkBody<TIn, NoResult> body, MapOptions? options, CancellationToken cancellationToken) =>
        AsCompleted(method, items, body, options, cancellationToken);

    /// <summary>Backs <c>XSubmit</c>: one call scheduled on an executor (a batch of one on an <see cref="IBatchExecutor"/>).</summary>
    public static Future<TOut> Submit<TIn, TOut>(ParallelMethod method, TIn arguments, WorkBody<TIn, TOut> body, IExecutor? executor, CancellationToken cancellationToken)
    {
        executor ??= Executors.Default;
        if (executor is IBatchExecutor batches)
        {
            return BatchSubmit.Run<TIn, TOut>(batches, method, arguments, cancellationToken);
        }

        if (executor is IWorkItemHost host && body.SyncBody is { } sync)
        {
            return ExecutorCore.SubmitSync(host, token => sync(arguments, token), cancellationToken);
        }

        return executor.Submit(token => body.InvokeAsync(arguments, token), cancellationToken);
    }

    /// <summary>Backs <c>XSubmit</c> of a method without a result.</summary>
    public static Future SubmitVoid<TIn>(ParallelMethod method, TIn arguments, WorkBody<TIn, NoResult> body, IExecutor? executor, CancellationToken cancellationToken) =>
        Submit(method, arguments, body, executor, cancellationToken);
}
