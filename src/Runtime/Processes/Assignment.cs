namespace ParallelGen.Processes;

/// <summary>
/// Items of one <see cref="BatchJob"/> sent (or to be sent) to one worker as one Batch frame. The worker runs them in
/// order, so the item it is running is always <c>Indices[Reported]</c> of the first outstanding assignment.
/// </summary>
internal sealed class Assignment
{
    public Assignment(BatchJob job, int[] indices, bool flushEach)
    {
        Job = job;
        Indices = indices;
        FlushEach = flushEach;
    }

    public BatchJob Job { get; }

    /// <summary>The job's item indices, in the order the worker runs them.</summary>
    public int[] Indices { get; }

    /// <summary>Whether the worker reports every item as it finishes (exact crash blame, timeouts).</summary>
    public bool FlushEach { get; }

    /// <summary>The frame's id, set when sent.</summary>
    public long Id { get; set; }

    /// <summary>Outcomes received so far (only the worker's reader thread advances it, under the pool's lock).</summary>
    public int Reported { get; set; }

    /// <summary>The position whose item timed out and was told to stop, or -1.</summary>
    public int TimedOutPosition { get; set; } = -1;
}
