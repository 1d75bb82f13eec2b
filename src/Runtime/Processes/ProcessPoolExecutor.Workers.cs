using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Processes;

namespace ParallelGen;

/// <summary>Each worker's reader thread: outcomes, goodbyes, and what happens when a connection ends.</summary>
public sealed partial class ProcessPoolExecutor
{
    private void ReadLoop(WorkerConnection worker)
    {
        Exception? protocolError = null;
        try
        {
            while (worker.Channel.TryReceive(out var type, out var payload))
            {
                switch (type)
                {
                    case FrameType.ItemsDone:
                        OnItemsDone(worker, payload);
                        break;
                    case FrameType.Goodbye:
                        worker.GoodbyeExitCode = new WireReader(payload).ReadInt32();
                        break;
                    default:
                        throw new InvalidDataException($"A parent does not accept {type} frames.");
                }
            }
        }
        catch (InvalidDataException ex)
        {
            protocolError = ex;
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            // The connection ended: the worker died or was stopped.
        }

        OnConnectionLost(worker, protocolError);
    }

    private void OnItemsDone(WorkerConnection worker, byte[] payload)
    {
        var reader = new WireReader(payload);
        var id = reader.ReadInt64();
        var first = reader.ReadInt32();
        var count = reader.ReadInt32();
        Assignment? assignment;
        lock (_gate)
        {
            assignment = worker.Outstanding.First?.Value;
        }

        if (assignment is null || assignment.Id != id || first != assignment.Reported || count < 1 || count > assignment.Indices.Length - first)
        {
            throw new InvalidDataException($"Outcomes for batch {id} items {first}..{first + count - 1} were not expected.");
        }

        var job = assignment.Job;
        var outOfMemory = false;
        for (var position = first; position < first + count; position++)
        {
            var status = (ItemStatus)reader.ReadByte();
            var size = reader.ReadInt32();
            var start = payload.Length - reader.Remaining;
            reader.ReadSpan(size);
            var index = assignment.Indices[position];
            if (assignment.TimedOutPosition == position)
            {
                job.Fail(index, TimedOut(job, worker.ProcessId, killed: false));
                continue;
            }

            switch (status)
            {
                case ItemStatus.Succeeded:
                    job.Succeed(index, payload.AsMemory(start, size));
                    break;
                case ItemStatus.Failed:
                    var error = ExceptionData.Read(new WireReader(payload.AsMemory(start, size))).ToException();
                    outOfMemory |= error is OutOfMemoryException;
                    job.Fail(index, error);
                    break;
                case ItemStatus.Canceled:
                    job.Fail(index, new OperationCanceledException(job.CancellationToken));
                    break;
                default:
                    throw new InvalidDataException($"Unknown item status {(byte)status}.");
            }
        }

        var outcomes = new Outcomes();
        lock (_gate)
        {
            // A worker that ran out of memory may hold on to what filled it: it finishes what it has and is replaced.
            worker.Retiring |= outOfMemory;
            assignment.Reported = first + count;
            if (assignment.Reported == assignment.Indices.Length)
            {
                worker.Outstanding.RemoveFirst();
                AfterAssignment(worker);
            }

            ArmTimeout(worker);
            Pump(outcomes);
        }

        outcomes.Deliver();
    }

    private static TimeoutException TimedOut(BatchJob job, int processId, bool killed) =>
        new($"An item of '{job.Method.Id}' ran longer than its ItemTimeout of {job.ItemTimeout}; " +
            (killed ? $"its worker process {processId} was killed and replaced." : $"it was stopped in worker process {processId}."));

    /// <summary>Recycling after a finished assignment: memory limit, retirement, idle timer (under the lock).</summary>
    private void AfterAssignment(WorkerConnection worker)
    {
        if (_options.MaxWorkerMemoryBytes > 0 && !worker.Retiring)
        {
            try
            {
                worker.Process.Refresh();
                if (worker.Process.WorkingSet64 > _options.MaxWorkerMemoryBytes)
                {
                    worker.Retiring = true;
                }
            }
            catch (InvalidOperationException)
            {
            }
        }

        if (worker.Outstanding.Count == 0)
        {
            if (worker.Retiring || _stopping)
            {
                Retire(worker);
            }
            else if (_pending.Count == 0)
            {
                ArmIdle(worker);
            }
        }
    }

    private void ArmIdle(WorkerConnection worker)
    {
        if (_options.IdleTimeout is not { } idle)
        {
            return;
        }

        worker.IdleTimer ??= new Timer(static state => OnTimer(state, idle: true), (this, worker), Timeout.Infinite, Timeout.Infinite);
        worker.IdleTimer.Change(idle, Timeout.InfiniteTimeSpan);
    }

    private static void OnTimer(object? state, bool idle)
    {
        var (pool, worker) = ((ProcessPoolExecutor, WorkerConnection))state!;
        if (idle)
        {
            pool.OnIdle(worker);
        }
        else
        {
            pool.OnTimeout(worker);
        }
    }

    private void OnIdle(WorkerConnection worker)
    {
        lock (_gate)
        {
            if (!worker.Dead && worker.Outstanding.Count == 0)
            {
                Retire(worker);
            }
        }
    }

    /// <summary>Watches the running item of <paramref name="worker"/> when its batch has a timeout (under the lock).</summary>
    private void ArmTimeout(WorkerConnection worker)
    {
        var assignment = worker.Outstanding.First?.Value;
        if (assignment?.Job.ItemTimeout is not { } timeout || worker.Dead)
        {
            worker.Watch = default;
            worker.TimeoutTimer?.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }

        worker.Watch = (assignment, assignment.Reported, false);
        worker.TimeoutTimer ??= new Timer(static state => OnTimer(state, idle: false), (this, worker), Timeout.Infinite, Timeout.Infinite);
        worker.TimeoutTimer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnTimeout(WorkerConnection worker)
    {
        lock (_gate)
        {
            var (assignment, position, killing) = worker.Watch;
            if (worker.Dead || assignment is null || !ReferenceEquals(worker.Outstanding.First?.Value, assignment) || assignment.Reported != position)
            {
                return;
            }

            if (!killing)
            {
                // Cooperative first: the item's token is cancelled; if it has not stopped after the grace, the worker dies.
                assignment.TimedOutPosition = position;
                SendCancel(worker, assignment.Id, position);
                worker.Watch = (assignment, position, true);
                worker.TimeoutTimer?.Change(_options.TimeoutGrace, Timeout.InfiniteTimeSpan);
                return;
            }

            worker.Kill();
        }
    }

    /// <summary>
    /// A worker's connection ended. Retired or idle: it is simply gone. Otherwise it died: the item it was running
    /// fails (<see cref="WorkerCrashedException"/>, or <see cref="TimeoutException"/> when it was killed for a timeout),
    /// or is retried when <see cref="ProcessPoolOptions.CrashRetries"/> allows; the items it had not started go back to
    /// the front of the queue. After a malformed frame, every item on that connection fails.
    /// </summary>
    private void OnConnectionLost(WorkerConnection worker, Exception? protocolError)
    {
        List<Assignment> lost;
        lock (_gate)
        {
            worker.Dead = true;
            _workers.Remove(worker);
            lost = worker.Outstanding.ToList();
            worker.Outstanding.Clear();
            worker.TimeoutTimer?.Change(Timeout.Infinite, Timeout.Infinite);
            worker.IdleTimer?.Change(Timeout.Infinite, Timeout.Infinite);
        }

        var crash = lost.Count > 0 || protocolError is not null
            ? worker.Died(protocolError is null ? "died while running this item" : $"sent a malformed frame ({protocolError.Message}) and was killed")
            : null;
        if (crash is null)
        {
            worker.WaitForExit(TimeSpan.FromSeconds(3));
        }

        var failed = new Outcomes();
        lock (_gate)
        {
            var requeue = new List<Assignment>();
            for (var k = 0; k < lost.Count; k++)
            {
                var assignment = lost[k];
                var job = assignment.Job;
                var remaining = assignment.Indices[assignment.Reported..].Where(i => !job.IsDone(i)).ToArray();
                if (remaining.Length == 0)
                {
                    continue;
                }

                if (protocolError is not null || _stopping)
                {
                    // A malformed frame fails the connection's items; a pool stopped by Ctrl-C or process exit cancels them.
                    foreach (var index in remaining)
                    {
                        failed.Fail(job, index, protocolError is null ? new OperationCanceledException("The process pool was stopped.") : crash!);
                    }

                    continue;
                }

                if (k > 0)
                {
                    requeue.Add(new Assignment(job, remaining, assignment.FlushEach));
                    continue;
                }

                var running = assignment.Indices[assignment.Reported];
                if (!assignment.FlushEach && assignment.TimedOutPosition < 0 && remaining.Length > 1)
                {
                    // Outcomes were sent in runs: which item crashed is not known. Run them again one report at a
                    // time, so the next crash names the item exactly.
                    requeue.Add(new Assignment(job, remaining, flushEach: true));
                    continue;
                }

                var rest = remaining.Where(i => i != running).ToArray();
                if (job.IsDone(running))
                {
                    // Already answered (cancelled): nothing to blame.
                }
                else if (assignment.TimedOutPosition == assignment.Reported)
                {
                    failed.Fail(job, running, TimedOut(job, worker.ProcessId, killed: true));
                }
                else if (job.CountRetry(running) <= _options.CrashRetries)
                {
                    rest = remaining;
                }
                else
                {
                    failed.Fail(job, running, crash!);
                }

                if (rest.Length > 0)
                {
                    requeue.Add(new Assignment(job, rest, flushEach: true));
                }
            }

            for (var k = requeue.Count - 1; k >= 0; k--)
            {
                _pending.AddFirst(requeue[k]);
            }

            if (!_stopping)
            {
                Pump(failed);
            }
            else
            {
                FailPending(failed, _ => new OperationCanceledException("The process pool was stopped."));
            }
        }

        failed.Deliver();
        worker.Dispose();
    }
}
