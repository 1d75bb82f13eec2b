using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Processes;

namespace ParallelGen;

/// <summary>Batches to workers: at most two assignments outstanding per worker (one running, one queued).</summary>
public sealed partial class ProcessPoolExecutor
{
    private const int OutstandingPerWorker = 2;

    /// <inheritdoc/>
    /// <remarks>
    /// Checks and queues synchronously: a shut-down pool, a method that cannot run here or an instance that cannot be
    /// written throw from the call itself, as a thread executor refuses work, not from the returned task.
    /// </remarks>
    public ValueTask RunBatchAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        EnsureCanRun(method);
        var targetBytes = Array.Empty<byte>();
        if (method.HasTarget)
        {
            var writer = new WireWriter();
            method.WriteTarget(writer, target ?? throw new ArgumentNullException(nameof(target), $"'{method.Id}' is an instance method: it needs its instance."));
            targetBytes = writer.WrittenSpan.ToArray();
        }

        var job = new BatchJob<TIn, TOut>(method, targetBytes, items, sink, itemTimeout, cancellationToken);
        if (items.Length == 0)
        {
            return ValueTask.CompletedTask;
        }

        var failed = new Outcomes();
        lock (_gate)
        {
            ThrowIfShutDown();
            if (_broken is not null)
            {
                for (var i = 0; i < items.Length; i++)
                {
                    failed.Fail(job, i, _broken);
                }
            }
            else
            {
                var location = WorkerLauncher.LocationOf(method.GetType().Assembly);
                if (_assemblies is not null && location.Length > 0 && !_assemblies.Contains(location))
                {
                    // Loaded after the workers started: they cannot know the method; fresh ones will.
                    _assemblies = null;
                    foreach (var worker in _workers)
                    {
                        Retire(worker);
                    }
                }

                _jobs.Add(job);
                _pending.AddLast(new Assignment(job, Enumerable.Range(0, items.Length).ToArray(), flushEach: itemTimeout is not null));
                Pump(failed);
            }
        }

        failed.Deliver();
        return WaitForJobAsync(job);
    }

    /// <summary>The lock-free half of <see cref="RunBatchAsync{TIn, TOut}"/>: forwards cancellation, waits for every outcome.</summary>
    private async ValueTask WaitForJobAsync(BatchJob job)
    {
        using (job.CancellationToken.Register(static state =>
        {
            var (pool, j) = ((ProcessPoolExecutor, BatchJob))state!;
            pool.CancelJob(j);
        }, (this, job)))
        {
            await job.Completion.ConfigureAwait(false);
        }

        lock (_gate)
        {
            _jobs.Remove(job);
        }
    }

    /// <summary>Starts workers until the pool is at full width (called under the lock).</summary>
    private void StartMissingWorkers()
    {
        if (_broken is not null || _stopping)
        {
            return;
        }

        var live = _starting + _workers.Count(w => !w.Dead && !w.Retiring);
        if (live >= _size)
        {
            return;
        }

        _assemblies ??= WorkerLauncher.AssembliesToLoad(_options.Initializer?.DeclaringType is { } t ? new[] { t.Assembly } : Array.Empty<System.Reflection.Assembly>());
        _starts.RemoveAll(t => t.IsCompleted);
        for (; live < _size; live++)
        {
            var init = _options.Initializer;
            var arguments = new WorkerArguments(
                Path.Combine(_directory, $"w{++_nextWorker}.sock"),
                _options.MaxFrameBytes,
                _assemblies,
                init?.DeclaringType is { } initType ? WorkerLauncher.LocationOf(initType.Assembly) : null,
                init?.DeclaringType?.FullName,
                init?.Name);
            _starting++;
            _starts.Add(Task.Run(() => StartWorkerAsync(arguments)));
        }
    }

    private async Task StartWorkerAsync(WorkerArguments arguments)
    {
        WorkerConnection worker;
        try
        {
            worker = await WorkerConnection.StartAsync(_launcher, arguments, _secret, _options.WorkerEnvironment, _options.StartTimeout).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failed = new Outcomes();
            lock (_gate)
            {
                _starting--;
                _broken ??= ex;
                FailPending(failed, _ => _broken);
            }

            failed.Deliver();
            return; // StartAsync and every batch report _broken; nothing is left unobserved.
        }

        var outcomes = new Outcomes();
        lock (_gate)
        {
            _starting--;
            Interlocked.Increment(ref _workersStarted);
            _workers.Add(worker);
            new Thread(() => ReadLoop(worker)) { IsBackground = true, Name = $"ParallelGen worker {worker.ProcessId} reader" }.Start();
            if (_stopping)
            {
                Retire(worker);
            }
            else
            {
                Pump(outcomes);
                if (worker.Outstanding.Count == 0)
                {
                    ArmIdle(worker);
                }
            }
        }

        outcomes.Deliver();
    }

    /// <summary>
    /// Hands pending assignments to workers with room, then starts workers if work is waiting (under the lock). Every
    /// worker gets a running assignment before any gets a queued one, so no batch waits behind another while a worker idles.
    /// </summary>
    private void Pump(Outcomes failed)
    {
        PumpUpTo(1, failed);
        PumpUpTo(OutstandingPerWorker, failed);
    }

    private void PumpUpTo(int depth, Outcomes failed)
    {
        foreach (var worker in _workers)
        {
            var node = _pending.First;
            while (node is not null && !worker.Dead && !worker.Retiring && worker.Outstanding.Count < depth)
            {
                var pending = node.Value;
                var next = node.Next;
                if (pending.Job.Gated && worker.Outstanding.Count > 0)
                {
                    // A gated item (a future that can still be cancelled) waits here for an idle worker, not in a
                    // worker's queue; and nothing overtakes it, so that worker's queued slot stays empty until it is idle.
                    break;
                }

                _pending.Remove(node);
                var indices = pending.Indices.Where(i => !pending.Job.IsDone(i)).ToArray();
                var rest = Array.Empty<int>();
                if (pending.Job.Gated)
                {
                    (indices, rest) = StartOne(pending.Job, indices, failed);
                }

                var budget = _options.MaxTasksPerWorker > 0 ? _options.MaxTasksPerWorker - worker.AssignedItems : int.MaxValue;
                if (indices.Length > budget)
                {
                    rest = indices[budget..];
                    indices = indices[..budget];
                }

                // What this worker does not take keeps its place in the queue.
                node = rest.Length > 0 ? Requeue(new Assignment(pending.Job, rest, pending.FlushEach), next) : next;
                if (indices.Length == 0)
                {
                    continue;
                }

                var assignment = new Assignment(pending.Job, indices, pending.FlushEach) { Id = ++_nextAssignment };
                if (!SendBatch(worker, assignment, failed))
                {
                    Requeue(new Assignment(pending.Job, indices, pending.FlushEach), node);
                    break;
                }

                worker.IdleTimer?.Change(Timeout.Infinite, Timeout.Infinite);
                worker.Outstanding.AddLast(assignment);
                worker.AssignedItems += indices.Length;
                if (worker.Outstanding.Count == 1)
                {
                    ArmTimeout(worker);
                }

                if (_options.MaxTasksPerWorker > 0 && worker.AssignedItems >= _options.MaxTasksPerWorker)
                {
                    worker.Retiring = true;
                }
            }
        }

        if (_pending.Count > 0)
        {
            StartMissingWorkers();
        }
    }

    /// <summary>
    /// The first of <paramref name="indices"/> its gate lets start (under the lock), as a batch of one, and the items
    /// after it; items the gate refuses (cancelled while they waited) are reported cancelled and never sent.
    /// </summary>
    private static (int[] Start, int[] After) StartOne(BatchJob job, int[] indices, Outcomes failed)
    {
        for (var k = 0; k < indices.Length; k++)
        {
            if (job.TryStart(indices[k]))
            {
                return ([indices[k]], indices[(k + 1)..]);
            }

            failed.Fail(job, indices[k], new OperationCanceledException("This item was cancelled before it started."));
        }

        return ([], []);
    }

    /// <summary>Puts <paramref name="assignment"/> back in the queue before <paramref name="before"/> (at the end when null).</summary>
    private LinkedListNode<Assignment> Requeue(Assignment assignment, LinkedListNode<Assignment>? before) =>
        before is null ? _pending.AddLast(assignment) : _pending.AddBefore(before, assignment);

    private bool SendBatch(WorkerConnection worker, Assignment assignment, Outcomes failed)
    {
        var job = assignment.Job;
        _frame.Reset();
        _frame.WriteInt64(assignment.Id);
        _frame.WriteString(job.Method.Id);
        _frame.WriteBoolean(assignment.FlushEach);
        _frame.WriteBytes(job.Target);
        _frame.WriteInt32(assignment.Indices.Length);
        foreach (var index in assignment.Indices)
        {
            _scratch.Reset();
            try
            {
                job.WriteItem(_scratch, index);
            }
            catch (Exception ex)
            {
                // Its arguments cannot be written: the worker gets an empty item, and its outcome is this exception.
                failed.Fail(job, index, ex);
                _scratch.Reset();
            }

            _frame.WriteBytes(_scratch.WrittenSpan);
        }

        try
        {
            worker.Channel.Send(FrameType.Batch, _frame);
            return true;
        }
        catch (InvalidDataException ex)
        {
            foreach (var index in assignment.Indices)
            {
                failed.Fail(job, index, new InvalidDataException($"A batch of '{job.Method.Id}' is larger than MaxFrameBytes ({_options.MaxFrameBytes}); lower the chunk size or raise the limit.", ex));
            }

            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // The worker is going away; its reader thread handles the loss.
            worker.Retiring = true;
            return false;
        }
    }

    private static void SendCancel(WorkerConnection worker, long assignment, int position)
    {
        Span<byte> cancel = stackalloc byte[12];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(cancel, assignment);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(cancel[8..], position);
        TrySend(worker, FrameType.Cancel, cancel);
    }

    private static void TrySend(WorkerConnection worker, FrameType type, ReadOnlySpan<byte> payload)
    {
        try
        {
            worker.Channel.Send(type, payload);
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Takes no more work; exits once its outstanding work is reported (under the lock).</summary>
    private void Retire(WorkerConnection worker)
    {
        worker.Retiring = true;
        if (worker.Outstanding.Count == 0)
        {
            TrySend(worker, FrameType.Shutdown, ReadOnlySpan<byte>.Empty);
        }
    }
}
