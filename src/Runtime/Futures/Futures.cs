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
    public static async IAsyncEnumerable<Future<T>> AsCompleted<T>(IEnumerable<Future<T>> futures, TimeSpan? timeout = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(futures);
        var distinct = Distinct(futures);
        var deadline = timeout is { } t ? DateTime.UtcNow + t : (DateTime?)null;
        var pending = new List<Future<T>>();
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

        var finished = Channel.CreateUnbounded<Future<T>>();
        foreach (var future in pending)
        {
            _ = future.Task.ContinueWith(static (_, state) => ((ChannelWriter<Future<T>>, Future<T>))state!, (finished.Writer, future), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ContinueWith(static t => t.Result.Item1.TryWrite(t.Result.Item2), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
            Future<T>? next = null;
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
                        if (Satisfied((List<Future<T>>)state!, waitFor))
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

        var done = new List<Future<T>>();
        var notDone = new List<Future<T>>();
        foreach (var future in distinct)
        {
            (future.IsCompleted ? done : notDone).Add(future);
        }

        return new WaitResult<T>(done, notDone);
    }

    private static List<Future<T>> Distinct<T>(IEnumerable<Future<T>> futures)
    {
        var seen = new HashSet<Future<T>>(ReferenceEqualityComparer.Instance);
        var distinct = new List<Future<T>>();
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

    private static bool Satisfied<T>(List<Future<T>> futures, WaitFor waitFor) => waitFor switch
    {
        WaitFor.FirstCompleted => futures.Any(f => f.IsCompleted),
        WaitFor.FirstException => futures.Any(f => f.Status == FutureStatus.Faulted) || futures.All(f => f.IsCompleted),
        _ => futures.All(f => f.IsCompleted),
    };
}
