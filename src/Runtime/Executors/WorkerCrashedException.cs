using System;

namespace ParallelGen;

/// <summary>
/// The item a worker process was running when the worker died (killed, crashed in native code, out of memory,
/// <c>Environment.Exit</c>, ...). Only that item fails with it; the pool replaces the worker and lives on.
/// </summary>
public sealed class WorkerCrashedException : Exception
{
    /// <summary>Creates the exception for a worker that died.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="processId">The dead worker's process id.</param>
    /// <param name="exitCode">Its exit code, when known.</param>
    /// <param name="signal">The signal that killed it (e.g. <c>"SIGKILL"</c>), when known.</param>
    /// <param name="standardErrorTail">The last bytes the worker wrote to its standard error.</param>
    public WorkerCrashedException(string message, int processId, int? exitCode, string? signal, string standardErrorTail)
        : base(message)
    {
        ProcessId = processId;
        ExitCode = exitCode;
        Signal = signal;
        StandardErrorTail = standardErrorTail ?? string.Empty;
    }

    /// <summary>The dead worker's process id.</summary>
    public int ProcessId { get; }

    /// <summary>Its exit code, when known.</summary>
    public int? ExitCode { get; }

    /// <summary>The signal that killed it (e.g. <c>"SIGKILL"</c>), when known.</summary>
    public string? Signal { get; }

    /// <summary>The last bytes (up to 64 KB) the worker wrote to its standard error.</summary>
    public string StandardErrorTail { get; }
}
