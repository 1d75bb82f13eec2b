using System;

namespace ParallelGen;

/// <summary>Options for a map (<c>XMap</c>, <c>XMapAsync</c>, <c>XAsCompleted</c> and <see cref="IExecutor.Map{TIn, TOut}"/>).</summary>
public sealed class MapOptions
{
    /// <summary>
    /// The most items run at once; 0 (default) uses the attribute's value, then the executor's: on an executor
    /// created with a width (<c>new ThreadPoolExecutor(8)</c>, a <see cref="WorkerPool"/>) that width; on the default
    /// <see cref="ThreadPoolExecutor"/> an automatic degree that starts at the core count and rises while items
    /// wait (awaits, blocking calls) instead of using the CPU, up to <see cref="MaxAutoDegree"/>. A degree set here
    /// or on the attribute is used exactly. An executor created with a width never runs more than that width.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>
    /// The highest degree an automatic degree may reach (see <see cref="MaxDegreeOfParallelism"/>); 0 (default)
    /// means 1,024. Items that await use no thread while they wait; synchronous items that block each hold a thread.
    /// </summary>
    public int MaxAutoDegree { get; set; }

    /// <summary>Items claimed by a worker at a time; 0 (default) adapts to the measured item cost.</summary>
    public int ChunkSize { get; set; }

    /// <summary>
    /// Whether <c>XAsCompleted</c> yields in input order (like Python's <c>imap</c>) instead of completion order
    /// (<c>imap_unordered</c>, the default). The window still bounds memory: a slow early item holds back claiming.
    /// Array-returning maps are always in input order.
    /// </summary>
    public bool Ordered { get; set; }

    /// <summary>What happens when an item throws; <see cref="ErrorMode.FailFast"/> by default.</summary>
    public ErrorMode ErrorMode { get; set; } = ErrorMode.FailFast;

    /// <summary>The longest an item may run; a late item fails with <see cref="TimeoutException"/> and the others go on.</summary>
    public TimeSpan? ItemTimeout { get; set; }

    /// <summary>Receives progress at a bounded rate, and always once at the end.</summary>
    public IProgress<MapProgress>? Progress { get; set; }

    /// <summary>The executor that runs the items; <see cref="Executors.Default"/> when <see langword="null"/>.</summary>
    public IExecutor? Executor { get; set; }
}
