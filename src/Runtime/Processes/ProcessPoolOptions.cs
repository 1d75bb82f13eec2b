using System;
using System.Collections.Generic;
using System.Reflection;

namespace ParallelGen;

/// <summary>Options of a <see cref="ProcessPoolExecutor"/>, Python's <c>Pool(processes, initializer, maxtasksperchild)</c> and more.</summary>
public sealed class ProcessPoolOptions
{
    /// <summary>The number of worker processes; 0 (default) uses <see cref="Environment.ProcessorCount"/>.</summary>
    public int Workers { get; set; }

    /// <summary>Items a worker process runs before it is replaced by a fresh one (Python's <c>maxtasksperchild</c>); 0 (default) never.</summary>
    public int MaxTasksPerWorker { get; set; }

    /// <summary>
    /// A worker whose working set exceeds this many bytes after a batch is replaced by a fresh one (a leak stays
    /// bounded); 0 (default) sets no limit.
    /// </summary>
    public long MaxWorkerMemoryBytes { get; set; }

    /// <summary>A worker idle this long exits; another starts when work comes. <see langword="null"/> (default): workers stay.</summary>
    public TimeSpan? IdleTimeout { get; set; }

    /// <summary>
    /// A static parameterless method (returning <c>void</c> or <c>Task</c>) run once in each worker process before its
    /// first item, like Python's <c>initializer</c>. A method, not a delegate: nothing captured can cross. If it throws,
    /// every item that worker takes fails with that exception (as <see cref="WorkerPool"/> does).
    /// </summary>
    public MethodInfo? Initializer { get; set; }

    /// <summary>
    /// How many times an item whose worker died while running it is run again on another worker before it fails with
    /// <see cref="WorkerCrashedException"/>. 0 (default): never. Only for idempotent methods.
    /// </summary>
    public int CrashRetries { get; set; }

    /// <summary>The largest frame on a worker's socket, in bytes (64 MB by default); a larger one drops that connection.</summary>
    public int MaxFrameBytes { get; set; } = 64 << 20;

    /// <summary>How long a worker may take to start and complete its handshake (60 s by default).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an item that outlived its <see cref="MapOptions.ItemTimeout"/> may take to stop after it is told to, before its worker is killed (200 ms by default).</summary>
    public TimeSpan TimeoutGrace { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Extra environment variables of the worker processes (tests: fault injection).</summary>
    internal Dictionary<string, string> WorkerEnvironment { get; } = new(StringComparer.Ordinal);
}
