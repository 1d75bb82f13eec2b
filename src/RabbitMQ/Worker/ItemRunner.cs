using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.RabbitMQ.Transport;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>
/// The cluster's side of the worker host: runs a work message's items in turn through the runtime's own item dispatch
/// (<see cref="ItemDispatch"/>, shared with the process pool: the same registry lookup, the same exception-as-data
/// format), with a token that a cancellation, the item timeout or a hard stop cancels, and writes the result message.
/// Items of a batch cancelled meanwhile are skipped (the caller has already failed them), and so are the items left
/// of a caller that is gone (<see cref="CallerWatch"/>, asked before each item after the first).
/// </summary>
internal sealed class ItemRunner(string workerId, CancellationToken hardStop)
{
    private readonly ConcurrentDictionary<long, (string Caller, long Batch, CancellationTokenSource Cancel)> _running = new();
    private long _next;
    private long _executions;

    private long _skipped;

    /// <summary>Items run so far (all messages).</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>Items of messages already started that were not run because their caller was gone.</summary>
    public long SkippedForGoneCallers => Interlocked.Read(ref _skipped);

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

    /// <summary>Runs the items of <paramref name="message"/> and returns the whole result message (the outcomes of
    /// the items run: all of them unless the batch was cancelled or <paramref name="watch"/> says the caller is gone).</summary>
    public async Task<byte[]> RunAsync(string caller, WorkMessage message, CallerWatch? watch = null)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(hardStop);
        var key = Interlocked.Increment(ref _next);
        _running[key] = (caller, message.BatchId, cancel);
        var outcomes = new List<(int Index, ResultKind Kind, byte[] Payload)>(message.Count);
        try
        {
            var failure = ItemDispatch.Prepare(message.MethodId, message.Target ?? ReadOnlyMemory<byte>.Empty, out var method, out var target);

            TimeSpan? timeout = message.TimeoutMilliseconds > 0 ? TimeSpan.FromMilliseconds(message.TimeoutMilliseconds) : null;
            var output = new WireWriter();
            for (var offset = 0; offset < message.Count && !cancel.IsCancellationRequested; offset++)
            {
                if (offset > 0 && watch is not null && await watch.CallerGoneAsync().ConfigureAwait(false))
                {
                    Interlocked.Add(ref _skipped, message.Count - offset);
                    break;
                }

                bool succeeded;
                if (failure is null)
                {
                    Interlocked.Increment(ref _executions);
                    succeeded = await ItemDispatch.RunAsync(method!, target, message.Arguments[offset], output, timeout, workerId, cancel.Token).ConfigureAwait(false);
                }
                else
                {
                    output.Reset();
                    failure.Write(output);
                    succeeded = false;
                }

                outcomes.Add((message.FirstIndex + offset, succeeded ? ResultKind.Value : ResultKind.Exception, output.WrittenSpan.ToArray()));
            }
        }
        finally
        {
            _running.TryRemove(key, out _);
        }

        var writer = new WireWriter();
        ResultMessage.WriteHeader(writer, message.BatchId, workerId, outcomes.Count);
        foreach (var (index, kind, payload) in outcomes)
        {
            ResultMessage.WriteOutcome(writer, index, kind, payload);
        }

        return writer.WrittenSpan.ToArray();
    }
}
