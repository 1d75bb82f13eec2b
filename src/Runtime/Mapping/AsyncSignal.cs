using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping;

/// <summary>A pulse that async and blocking waiters can wait for: <see cref="Set"/> wakes everyone waiting now.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource? _waiters;

    /// <summary>A task that completes at the next <see cref="Set"/>.</summary>
    public Task WaitAsync()
    {
        lock (this)
        {
            return (_waiters ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Wakes every current waiter; costs one read when nobody waits.</summary>
    public void Set()
    {
        if (Volatile.Read(ref _waiters) is null)
        {
            return;
        }

        TaskCompletionSource? waiters;
        lock (this)
        {
            waiters = _waiters;
            _waiters = null;
        }

        waiters?.TrySetResult();
    }
}
