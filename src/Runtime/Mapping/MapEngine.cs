using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;

namespace ParallelGen.Mapping;

/// <summary>
/// Runs a map: workers on an executor claim items from a shared source and report each finished item.
/// </summary>
internal static class MapEngine
{
    public static async Task<TOut[]> MapToArrayAsync<TIn, TOut>(
        IExecutor executor, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, int degree, CancellationToken cancellationToken)
    {
        var results = new List<TOut>();
        var gate = new object();
        await RunAsync(executor, items, body, degree, (index, _, result) =>
        {
            lock (gate)
            {
                while (results.Count <= index)
                {
                    results.Add(default!);
                }

                results[(int)index] = result;
            }
        }, cancellationToken).ConfigureAwait(false);
        return results.ToArray();
    }

    public static async IAsyncEnumerable<Completed<TIn, TOut>> AsCompletedAsync<TIn, TOut>(
        IExecutor executor, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, int degree,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<Completed<TIn, TOut>>(Math.Max(1, degree) * 4);
        var run = RunAsync(executor, items, body, degree, (index, input, result) =>
            channel.Writer.WriteAsync(new Completed<TIn, TOut>(index, input, result, null), cancellationToken).AsTask().GetAwaiter().GetResult(),
            cancellationToken);
        _ = run.ContinueWith(t => channel.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        await foreach (var completed in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return completed;
        }

        await run.ConfigureAwait(false);
    }

    private static async Task RunAsync<TIn, TOut>(
        IExecutor executor, IEnumerable<TIn> items, WorkBody<TIn, TOut> body, int degree,
        Action<long, TIn, TOut> onResult, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var enumerator = items.GetEnumerator();
        var claimGate = new object();
        long next = 0;
        ExceptionDispatchInfo? firstFailure = null;

        bool TryClaim(out long index, out TIn item)
        {
            lock (claimGate)
            {
                if (!stop.IsCancellationRequested && enumerator.MoveNext())
                {
                    index = next++;
                    item = enumerator.Current;
                    return true;
                }
            }

            index = -1;
            item = default!;
            return false;
        }

        async ValueTask<bool> Worker(CancellationToken token)
        {
            while (TryClaim(out var index, out var item))
            {
                try
                {
                    var result = await body.InvokeAsync(item, stop.Token).ConfigureAwait(false);
                    onResult(index, item, result);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref firstFailure, ExceptionDispatchInfo.Capture(ex), null);
                    stop.Cancel();
                }
            }

            return true;
        }

        var workers = new Task[Math.Max(1, Math.Min(degree, executor.MaxWorkers))];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = executor.Submit(Worker, stop.Token).Task;
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        firstFailure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
