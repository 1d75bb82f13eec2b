using System;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Mapping;

namespace ParallelGen.Scheduling;

/// <summary><c>XSubmit</c> on an <see cref="IBatchExecutor"/>: a batch of one item whose outcome completes the future.</summary>
internal static class BatchSubmit
{
    /// <summary>
    /// Checks that <paramref name="method"/> can cross (throws before anything starts), then sends the call; an
    /// executor that refuses it at once (shut down) throws from here, as a thread executor does. On an executor that
    /// honours <see cref="IBatchStartGate"/> the future stays pending, so cancellable, until a worker takes the item.
    /// </summary>
    public static Future<TOut> Run<TIn, TOut>(IBatchExecutor executor, ParallelMethod method, TIn arguments, CancellationToken cancellationToken)
    {
        var remote = MapEngine.RemoteFor<TIn, TOut>(method, executor);
        var call = new Call<TOut>(cancellationToken);
        if (call.Future.IsCompleted || (!executor.HonoursStartGate && !call.Future.TryStart()))
        {
            return call.Future;
        }

        var sent = executor.RunBatchAsync(remote, method.Target, new[] { arguments }, call, itemTimeout: null, cancellationToken);
        _ = call.ObserveAsync(sent);
        return call.Future;
    }

    private sealed class Call<TOut> : IBatchSink<TOut>, IBatchStartGate
    {
        private readonly CancellationToken _cancellationToken;

        public Call(CancellationToken cancellationToken)
        {
            _cancellationToken = cancellationToken;
            Future = new Future<TOut>();
            if (cancellationToken.IsCancellationRequested)
            {
                Future.CancelIfPending(cancellationToken);
            }
        }

        public Future<TOut> Future { get; }

        public async Task ObserveAsync(ValueTask sent)
        {
            try
            {
                await sent.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                Future.SetCancelled(_cancellationToken);
            }
            catch (Exception ex)
            {
                Future.SetException(ex);
            }
        }

        public bool TryStart(int index) => Future.TryStart();

        public void OnResult(int index, TOut result) => Future.SetResult(result);

        public void OnError(int index, Exception error)
        {
            if (error is OperationCanceledException && _cancellationToken.IsCancellationRequested)
            {
                Future.SetCancelled(_cancellationToken);
                return;
            }

            Future.SetException(error);
        }
    }
}
