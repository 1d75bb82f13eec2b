using System;
using System.Collections.Generic;

namespace ParallelGen.Processes;

/// <summary>Item failures decided under the pool's lock and delivered to the sinks after it is released.</summary>
internal sealed class Outcomes
{
    private List<(BatchJob Job, int Index, Exception Error)>? _failures;

    public void Fail(BatchJob job, int index, Exception error)
    {
        if (!job.IsDone(index))
        {
            (_failures ??= new()).Add((job, index, error));
        }
    }

    public void Deliver()
    {
        if (_failures is null)
        {
            return;
        }

        foreach (var (job, index, error) in _failures)
        {
            job.Fail(index, error);
        }

        _failures = null;
    }
}
