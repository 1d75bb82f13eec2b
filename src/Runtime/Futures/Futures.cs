using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace ParallelGen;

/// <summary>Waiting on many futures, with the semantics of Python's <c>concurrent.futures.as_completed</c> and <c>wait</c>.</summary>
public static class Futures
{
    /// <summary>
    /// Yields each future as it finishes: those already finished first (in the given order), then the others in
    /// completion order. A future listed twice is yielded once. The timeout counts from the start of the enumeration.
    /// </summary>
    /// <exception cref="TimeoutException">
    /// Some futures had not finished within <paramref name="timeout"/>; the message reads "N (of M) futures unfinished".
    /// </exception>
    public static IAsyncEnumerable<Future<T>> AsCompleted<T>(IEnumerable<Future<T>> futures, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        AsCompletedCore(futures, timeout, cancellationToken);

    /// <summary>
    /// <see cref="AsCompleted{T}(IEnumerable{Future{T}}, TimeSpan?, CancellationToken)"/> for futures without a result
    /// (<c>XSubmit</c> of a <c>void</c> or <c>Task</c> method) or of mixed result types.
    /// </summary>
    /// <exception cref="TimeoutException">Some futures had not finished within <paramref name="timeout"/>: "N (of M) futures unfinished".</exception>
    public static IAsyncEnumerable<Future> AsCompleted(IEnumerable<Future> futures, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        AsCompletedCore(futures, timeout, cancellationToken);

    /// <summary>
    /// <see cref="WaitAsync{T}(IEnumerable{Future{T}}, WaitFor, TimeSpan?, CancellationToken)"/> for futures without a
    /// result or of mixed result types.
    /// </summary>
    public static async Task<WaitResult> WaitAsync(IEnumerable<Future> futures, WaitFor waitFor = WaitFor.AllCompleted, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var (done, notDone) = await WaitCoreAsync(futures, waitFor, timeout, cancellationToken).ConfigureAwait(false);
        return new WaitResult(done, notDone);
    }

    private static async IAsyncEnumerable<TFuture> AsCompletedCore<TFuture>(IEnumerable<TFuture> futures, TimeSpan? timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TFuture : Future
    {
        ArgumentNullException.ThrowIfNull(futures);
        var distinct = Distinct(futures);
        var deadline = timeout is { } t ? DateTime.UtcNow + t : (DateTime?)null;
        var pending = new List<TFuture>();
        foreach (var future in distinct)
        {
            if (future.IsCompleted)
            {
                yield return future;
            }
            else
            {
                pending.Add(future);
            }
        }

        if (pending.Count == 0)
        {
            yield break;
        }

        var finished = Channel.CreateUnbounded<TFuture>();
        foreach (var future in pending)
        {
            _ = future.Task.ContinueWith(
                static (_, state) =>
                {
                    var (writer, done) = ((ChannelWriter<TFuture>, TFuture))state!;
                    writer.TryWrite(done);
                },
                (finished.Writer, future),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        var remaining = pending.Count;
        using var timer = deadline is null ? null : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer?.Token ?? CancellationToken.None);
        if (deadline is { } end)
        {
            var left = end - DateTime.UtcNow;
            timer!.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        while (remaining > 0)
        {
            TFuture? next = null;
            var timedOut = false;
            try
            {
                next = await finished.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timer is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
            {
                timedOut = true;
            }

            if (timedOut)
            {
                // Whatever finished meanwhile is still reported before the timeout.
                if (finished.Reader.TryRead(out var late))
                {
                    remaining--;
                    yield return late;
                    continue;
                }

                throw new TimeoutException($"{remaining} (of {distinct.Count}) futures unfinished");
            }

            remaining--;
            yield return next!;
        }
    }

    /// <summary>
    /// Waits until the condition <paramref name="waitFor"/> holds or <paramref name="timeout"/> passes, then returns
    /// the finished and unfinished futures; on timeout it returns rather than throwing. A future listed twice counts once.
    /// </summary>
    public static async Task<WaitResult<T>> WaitAsync<T>(IEnumerable<Future<T>> futures, WaitFor waitFor = WaitFor.AllCompleted, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var (done, notDone) = await WaitCoreAsync(futures, waitFor, timeout, cancellationToken).ConfigureAwait(false);
        return new WaitResult<T>(done, notDone);
    }

    private static async Task<(List<TFuture> Done, List<TFuture> NotDone)> WaitCoreAsync<TFuture>(IEnumerable<TFuture> futures, WaitFor waitFor, TimeSpan? timeout, CancellationToken cancellationToken)
        where TFuture : Future
    {
        ArgumentNullException.ThrowIfNull(futures);
        var distinct = Distinct(futures);
        if (!Satisfied(distinct, waitFor) && distinct.Count > 0)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var future in distinct)
            {
                _ = future.Task.ContinueWith(
                    (_, state) =>
                    {
                        if (Satisfied((List<TFuture>)state!, waitFor))
                        {
                            signal.TrySetResult();
                        }
                    },
                    distinct,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }

            var waited = timeout is { } t ? signal.Task.WaitAsync(t, cancellationToken) : signal.Task.WaitAsync(cancellationToken);
            try
            {
                await waited.ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Python's wait returns the two sets on timeout.
            }
        }

        var done = new List<TFuture>();
        var notDone = new List<TFuture>();
        foreach (var future in distinct)
        {
            (future.IsCompleted ? done : notDone).Add(future);
        }

        return (done, notDone);
    }

    private static List<TFuture> Distinct<TFuture>(IEnumerable<TFuture> futures)
        where TFuture : Future
    {
        var seen = new HashSet<TFuture>(ReferenceEqualityComparer.Instance);
        var distinct = new List<TFuture>();
        foreach (var future in futures)
        {
            ArgumentNullException.ThrowIfNull(future, nameof(futures));
            if (seen.Add(future))
            {
                distinct.Add(future);
            }
        }

        return distinct;
    }

    private static bool Satisfied<TFuture>(List<TFuture> futures, WaitFor waitFor)
        where TFuture : Future => waitFor switch
    {
        WaitFor.FirstCompleted => futures.Any(f => f.IsCompleted),
        WaitFor.FirstException => futures.Any(f => f.Status == FutureStatus.Faulted) || futures.All(f => f.IsCompleted),
        _ => futures.All(f => f.IsCompleted),
    };
}
