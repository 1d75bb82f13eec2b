namespace ParallelGen;

/// <summary>The life cycle of a <see cref="Future"/>.</summary>
public enum FutureStatus
{
    /// <summary>Queued; not started yet, so it can still be cancelled.</summary>
    Pending = 0,

    /// <summary>A worker is running it.</summary>
    Running = 1,

    /// <summary>Finished with a result.</summary>
    Succeeded = 2,

    /// <summary>Finished with an exception.</summary>
    Faulted = 3,

    /// <summary>Cancelled before it finished.</summary>
    Cancelled = 4,
}
