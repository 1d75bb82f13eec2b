using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>
/// The worker-side dispatch: reads the instance, runs the registered method on each item's arguments in turn with a
/// token that a cancellation, the item timeout or a hard stop cancels, and writes the result message — each value, or
/// the method's exception as data (an exception is a result: it is never redelivered). An item still running at its
/// timeout is abandoned (its token is cancelled) and answered with <see cref="TimeoutException"/>. Items of a batch
/// cancelled meanwhile are skipped (the caller has already failed them).
/// To be unified with the process pool's worker host (one worker host, two transports) when both are in main.
/// </summary>
internal sealed class ItemRunner(string workerId, CancellationToken hardStop)
{
    private readonly ConcurrentDictionary<long, (string Caller, long Batch, CancellationTokenSource Cancel)> _running = new();
    private long _next;

    /// <summary>Items run so far (all messages).</summary>
    public long Executions => Interlocked.Read(ref _executions);

    private long _executions;

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

    /// <summary>Runs the items of <paramref name="message"/> and returns the whole result message.</summary>
    public async Task<byte[]> RunAsync(string caller, RemoteMethod method, WorkMessage message)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        var key = Interlocked.Increment(ref _next);
        _running[key] = (caller, message.BatchId, cancel);
        var outcomes = new List<(int Index, ResultKind Kind, byte[] Payload)>(message.Count);
        try
        {
            object? target = null;
            Exception? targetError = null;
            try
            {
                target = method.HasTarget && message.Target is { } bytes ? method.ReadTarget(new WireReader(bytes)) : null;
            }
            catch (Exception e)
            {
                targetError = e;
            }

            for (var offset = 0; offset < message.Count && !cancel.IsCancellationRequested; offset++)
            {
                var (kind, payload) = targetError is null
                    ? await RunOneAsync(method, target, message.Arguments[offset], message.TimeoutMilliseconds, cancel).ConfigureAwait(false)
                    : (ResultKind.Exception, ErrorPayload(targetError));
                outcomes.Add((message.FirstIndex + offset, kind, payload));
            }
        }
        finally
        {
            _running.TryRemove(key, out _);
        }

        var output = new WireWriter();
        ResultMessage.WriteHeader(output, message.BatchId, workerId, outcomes.Count);
        foreach (var (index, kind, payload) in outcomes)
        {
            ResultMessage.WriteOutcome(output, index, kind, payload);
        }

        return output.WrittenSpan.ToArray();
    }

    private async Task<(ResultKind, byte[])> RunOneAsync(RemoteMethod method, object? target, ReadOnlyMemory<byte> arguments, long timeoutMilliseconds, CancellationTokenSource cancel)
    {
        Interlocked.Increment(ref _executions);
        var result = new WireWriter();
        try
        {
            if (timeoutMilliseconds <= 0)
            {
                await method.InvokeAsync(target, new WireReader(arguments), result, cancel.Token).ConfigureAwait(false);
                return (ResultKind.Value, result.WrittenSpan.ToArray());
            }

            // With a timeout, the item gets its own token (a late item is abandoned without cancelling the message).
            using var item = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
            var invoke = Task.Run(() => method.InvokeAsync(target, new WireReader(arguments), result, item.Token).AsTask(), CancellationToken.None);
            var timeout = TimeSpan.FromMilliseconds(timeoutMilliseconds);
            if (await Task.WhenAny(invoke, Task.Delay(timeout, CancellationToken.None)).ConfigureAwait(false) != invoke)
            {
                item.Cancel();
                _ = invoke.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                throw new TimeoutException($"The item ran longer than its timeout of {timeout.TotalMilliseconds:0} ms on worker {workerId}: its token was cancelled and the item abandoned.");
            }

            await invoke.ConfigureAwait(false);
            return (ResultKind.Value, result.WrittenSpan.ToArray());
        }
        catch (Exception e)
        {
            return (ResultKind.Exception, ErrorPayload(e));
        }
    }

    private static byte[] ErrorPayload(Exception error)
    {
        var writer = new WireWriter();
        ExceptionData.Write(writer, error);
        return writer.WrittenSpan.ToArray();
    }
}
