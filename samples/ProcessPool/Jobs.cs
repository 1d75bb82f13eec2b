using System;
using System.Diagnostics;
using System.Threading;

namespace ProcessPoolSample;

/// <summary>Jobs for worker processes: most compute, one kills its own process, one never returns.</summary>
public static partial class Jobs
{
    /// <summary>The job that kills the process running it, as a native crash or the OOM killer would.</summary>
    public const int Crashing = 3;

    /// <summary>The job that hangs and ignores every cancellation token.</summary>
    public const int Hanging = 5;

    /// <summary>Runs job <paramref name="job"/> and says which process ran it.</summary>
    [ParallelGen.Parallelizable]
    public static string Run(int job)
    {
        switch (job)
        {
            case Crashing:
                Process.GetCurrentProcess().Kill(); // SIGKILL to itself: the worker dies mid-item
                break;
            case Hanging:
                Thread.Sleep(Timeout.Infinite); // a runaway: only killing its process stops it
                break;
        }

        return $"{job} squared is {job * job} (process {Environment.ProcessId})";
    }
}
