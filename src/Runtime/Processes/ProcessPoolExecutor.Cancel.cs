using System;
using System.Linq;
using ParallelGen.Processes;

namespace ParallelGen;

/// <summary>Work that will not run: queued items failed at shutdown, a batch's items cancelled by its token.</summary>
public sealed partial class ProcessPoolExecutor
{
    private void FailPending(Outcomes failed, Func<BatchJob, Exception> error)
    {
        foreach (var assignment in _pending)
        {
            var exception = error(assignment.Job);
            foreach (var index in assignment.Indices)
            {
                failed.Fail(assignment.Job, index, exception);
            }
        }

        _pending.Clear();
    }

    private void CancelJob(BatchJob job)
    {
        var failed = new Outcomes();
        lock (_gate)
        {
            for (var node = _pending.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Job == job)
                {
                    foreach (var index in node.Value.Indices)
                    {
                        failed.Fail(job, index, new OperationCanceledException(job.CancellationToken));
                    }

                    _pending.Remove(node);
                }

                node = next;
            }

            foreach (var worker in _workers)
            {
                foreach (var assignment in worker.Outstanding.Where(a => a.Job == job))
                {
                    var running = ReferenceEquals(worker.Outstanding.First?.Value, assignment) ? assignment.Reported : -1;
                    for (var position = assignment.Reported; position < assignment.Indices.Length; position++)
                    {
                        if (position != running)
                        {
                            failed.Fail(job, assignment.Indices[position], new OperationCanceledException(job.CancellationToken));
                        }
                    }

                    SendCancel(worker, assignment.Id, Protocol.WholeBatch);
                }
            }
        }

        failed.Deliver();
    }
}
