namespace ParallelGen.Scheduling;

/// <summary>An executor of this assembly: the map engine hands it worker loops directly.</summary>
internal interface IWorkItemHost
{
    /// <summary>The most items this executor runs at once (int.MaxValue when only the thread pool bounds it).</summary>
    int Capacity { get; }

    /// <summary>Queues an item. Throws <see cref="System.InvalidOperationException"/> after shutdown.</summary>
    void Post(WorkItem item);

    /// <summary>Whether the calling thread may run work of this executor itself (so a synchronous map lets its caller join).</summary>
    bool CallerMayJoin { get; }

    /// <summary>Runs the item on the calling thread as one of the executor's workers, if a worker slot is free.</summary>
    bool TryRunInline(WorkItem item);
}
