using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>
/// The worker-side dispatch: reads the instance, runs the registered method on the item's arguments with a token
/// that a cancellation, the item timeout or a hard stop cancels, and writes the result message — the value, or the
/// method's exception as data (an exception is a result: it is never redelivered). An item still running at its
/// timeout is abandoned (its token is cancelled) and answered with <see cref="TimeoutException"/>.
/// To be unified with the process pool's worker host (one worker host, two transports) when both are in main.
/// </summary>
internal sealed class ItemRunner(string workerId, CancellationToken hardStop)
{
    private readonly ConcurrentDictionary<long, (string Caller, long Batch, CancellationTokenSource Cancel)> _running = new();
    private long _next;

    /// <summary>Cancels the running items of a batch.</summary>
    public void Cancel(string caller, long batch)
    {
        foreach (var entry in _running.Values)
        {
            if (entry.Batch == batch && entry.Caller == caller)
            {
                try
                {
                    entry.Cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Finished meanwhile.
                }
            }
        }
    }

    /// <summary>Runs one item and returns the whole result message.</summary>
    public async Task<byte[]> RunAsync(string caller, RemoteMethod method, WorkMessage message)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        var key = Interlocked.Increment(ref _next);
        _running[key] = (caller, message.BatchId, cancel);
        var output = new WireWriter();
        Exception? error = null;
        var result = new WireWriter();
        try
        {
            var target = method.HasTarget && message.Target is { } bytes ? method.ReadTarget(new WireReader(bytes)) : null;
            var invoke = Task.Run(() => method.InvokeAsync(target, new WireReader(message.Arguments), result, cancel.Token).AsTask(), CancellationToken.None);
            if (message.TimeoutMilliseconds > 0)
            {
                var timeout = TimeSpan.FromMilliseconds(message.TimeoutMilliseconds);
                if (await Task.WhenAny(invoke, Task.Delay(timeout, CancellationToken.None)).ConfigureAwait(false) != invoke)
                {
                    cancel.Cancel();
                    _ = invoke.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                    throw new TimeoutException($"The item ran longer than its timeout of {timeout.TotalMilliseconds:0} ms on worker {workerId}: its token was cancelled and the item abandoned.");
                }
            }

            await invoke.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            error = e;
        }
        finally
        {
            _running.TryRemove(key, out _);
        }

        ResultMessage.WriteHeader(output, message.BatchId, message.Index, error is null ? ResultKind.Value : ResultKind.Exception, workerId);
        if (error is null)
        {
            output.GetSpan(result.Length);
            result.WrittenSpan.CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsMemory(output.WrittenMemory).Span[(output.Length - result.Length)..]);
        }
        else
        {
            ExceptionData.Write(output, error);
        }

        return output.WrittenSpan.ToArray();
    }
}
