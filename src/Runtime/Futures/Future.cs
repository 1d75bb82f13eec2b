using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen;

/// <summary>
/// A unit of work handed to an executor: awaitable, cancellable until it starts, and waitable with a timeout,
/// like Python's <c>concurrent.futures.Future</c>. <see cref="Future{T}"/> adds the result.
/// </summary>
public abstract class Future
{
    private int _status; // FutureStatus

    private protected Future()
    {
    }

    /// <summary>The current state.</summary>
    public FutureStatus Status => (FutureStatus)Volatile.Read(ref _status);

    /// <summary>Whether the work has finished: succeeded, failed or cancelled (Python's <c>done()</c>).</summary>
    public bool IsCompleted => Status >= FutureStatus.Succeeded;

    /// <summary>Whether the work is running now (Python's <c>running()</c>).</summary>
    public bool IsRunning => Status == FutureStatus.Running;

    /// <summary>Whether the work was cancelled (Python's <c>cancelled()</c>).</summary>
    public bool IsCancelled => Status == FutureStatus.Cancelled;

    /// <summary>The exception the work threw, or <see langword="null"/> while pending, after success or when cancelled.</summary>
    public Exception? Exception => TaskCore is { IsFaulted: true } faulted ? Unwrap(faulted.Exception!) : null;

    /// <summary>The work as a <see cref="System.Threading.Tasks.Task"/>.</summary>
    public Task Task => TaskCore;

    private protected abstract Task TaskCore { get; }

    /// <summary>
    /// Cancels the work if it has not started. Returns <see langword="true"/> when the future is (now) cancelled,
    /// <see langword="false"/> when it is running or has finished otherwise, as Python's <c>Future.cancel()</c>.
    /// </summary>
    public bool TryCancel() => CancelIfPending(CancellationToken.None) || Status == FutureStatus.Cancelled;

    /// <summary>Waits for the work, up to <paramref name="timeout"/>, and rethrows its own exception if it failed.</summary>
    /// <exception cref="TimeoutException">The work did not finish in time.</exception>
    /// <exception cref="OperationCanceledException">The work was cancelled.</exception>
    public void Wait(TimeSpan timeout)
    {
        WaitCore(timeout);
        TaskCore.GetAwaiter().GetResult();
    }

    /// <summary>Gets an awaiter, so <c>await future</c> works.</summary>
    public TaskAwaiter GetAwaiter() => TaskCore.GetAwaiter();

    /// <summary>Moves a pending future to cancelled; false if it had started or finished.</summary>
    internal bool CancelIfPending(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _status, (int)FutureStatus.Cancelled, (int)FutureStatus.Pending) == (int)FutureStatus.Pending)
        {
            SetCancelledCore(token);
            return true;
        }

        return false;
    }

    /// <summary>Marks the future running; false if it was cancelled first. For executors.</summary>
    internal bool TryStart() =>
        Interlocked.CompareExchange(ref _status, (int)FutureStatus.Running, (int)FutureStatus.Pending) == (int)FutureStatus.Pending;

    /// <summary>Fails the future with an exception. For executors.</summary>
    internal abstract void SetException(Exception exception);

    /// <summary>Cancels the future (pending or running) with the token that stopped it. For executors.</summary>
    internal void SetCancelled(CancellationToken token)
    {
        if (TryFinish(FutureStatus.Cancelled))
        {
            SetCancelledCore(token);
        }
    }

    /// <summary>Records a final state.</summary>
    private protected bool TryFinish(FutureStatus final)
    {
        while (true)
        {
            var current = Volatile.Read(ref _status);
            if (current >= (int)FutureStatus.Succeeded)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _status, (int)final, current) == current)
            {
                return true;
            }
        }
    }

    private protected void WaitCore(TimeSpan timeout)
    {
        if (TaskCore.IsCompleted)
        {
            return;
        }

        try
        {
            TaskCore.Wait(timeout);
        }
        catch (AggregateException)
        {
            // The caller rethrows the work's own exception, unwrapped.
        }
        catch (OperationCanceledException)
        {
        }

        if (!TaskCore.IsCompleted)
        {
            throw new TimeoutException($"The future did not complete within {timeout}.");
        }
    }

    private protected abstract void SetCancelledCore(CancellationToken token);

    private static Exception Unwrap(AggregateException aggregate) =>
        aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate;
}

/// <summary>A unit of work with a result of type <typeparamref name="T"/>; see <see cref="Future"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class Future<T> : Future
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Future()
    {
    }

    /// <summary>The work as a <see cref="Task{T}"/>.</summary>
    public new Task<T> Task => _completion.Task;

    private protected override Task TaskCore => _completion.Task;

    /// <summary>Waits for the result, up to <paramref name="timeout"/>; rethrows the work's own exception if it failed.</summary>
    /// <exception cref="TimeoutException">The work did not finish in time.</exception>
    /// <exception cref="OperationCanceledException">The work was cancelled.</exception>
    public T GetResult(TimeSpan timeout)
    {
        WaitCore(timeout);
        return _completion.Task.GetAwaiter().GetResult();
    }

    /// <summary>Waits as long as it takes for the result; rethrows the work's own exception if it failed.</summary>
    public T GetResult() => _completion.Task.GetAwaiter().GetResult();

    /// <summary>Gets an awaiter, so <c>await future</c> yields the result.</summary>
    public new TaskAwaiter<T> GetAwaiter() => _completion.Task.GetAwaiter();

    /// <summary>Completes the future with a result. For executors.</summary>
    internal void SetResult(T result)
    {
        if (TryFinish(FutureStatus.Succeeded))
        {
            _completion.TrySetResult(result);
        }
    }

    internal override void SetException(Exception exception)
    {
        if (exception is OperationCanceledException oce)
        {
            SetCancelled(oce.CancellationToken);
            return;
        }

        if (TryFinish(FutureStatus.Faulted))
        {
            _completion.TrySetException(exception);
        }
    }

    private protected override void SetCancelledCore(CancellationToken token) => _completion.TrySetCanceled(token);
}
