using System;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Scheduling;

/// <summary>One submitted call: runs the work and completes its <see cref="Future{T}"/>.</summary>
internal sealed class FutureWorkItem<T> : WorkItem
{
    private readonly Func<CancellationToken, T>? _sync;
    private readonly Func<CancellationToken, ValueTask<T>>? _async;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenRegistration _registration;

    public FutureWorkItem(Func<CancellationToken, T>? sync, Func<CancellationToken, ValueTask<T>>? async, CancellationToken cancellationToken)
    {
        _sync = sync;
        _async = async;
        _cancellationToken = cancellationToken;
        Future = new Future<T>();
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((Future<T>)state!).CancelIfPending(token), Future);
        }
    }

    public Future<T> Future { get; }

    public override bool PrefersBlocking => _sync is not null;

    public override int RunBlocking(int budget, out bool finished)
    {
        finished = true;
        if (!Start())
        {
            return 0;
        }

        try
        {
            if (_sync is not null)
            {
                Future.SetResult(_sync(_cancellationToken));
            }
            else
            {
                var pending = _async!(_cancellationToken);
                Future.SetResult(pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult());
            }
        }
        catch (Exception ex)
        {
            Future.SetException(ex);
        }

        return 1;
    }

    public override async ValueTask RunAsync()
    {
        if (!Start())
        {
            return;
        }

        try
        {
            Future.SetResult(_sync is not null ? _sync(_cancellationToken) : await _async!(_cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            Future.SetException(ex);
        }
    }

    public override void CancelPending()
    {
        _registration.Dispose();
        Future.CancelIfPending(CancellationToken.None);
    }

    public override void Fail(Exception exception)
    {
        _registration.Dispose();
        if (Future.TryStart())
        {
            Future.SetException(exception);
        }
    }

    private bool Start()
    {
        _registration.Dispose();
        if (!Future.TryStart())
        {
            return false;
        }

        if (_cancellationToken.IsCancellationRequested)
        {
            Future.SetCancelled(_cancellationToken);
            return false;
        }

        return true;
    }
}
