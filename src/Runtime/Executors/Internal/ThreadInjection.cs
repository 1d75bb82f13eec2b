using System;
using System.Threading;

namespace ParallelGen.Scheduling;

/// <summary>
/// Keeps the .NET thread pool's minimum at least as large as the number of workers that may block plus the core
/// count, so synchronous bodies that wait (I/O, <c>Thread.Sleep</c>) start at once instead of waiting for the pool's
/// slow starvation-driven thread injection (one new thread every ~0.5 s). The minimum is only ever raised, and capped.
/// </summary>
internal static class ThreadInjection
{
    private const int Cap = 512;
    private static int s_blocking;
    private static int s_raisedTo;

    public static void Enter()
    {
        var wanted = Math.Min(Cap, Interlocked.Increment(ref s_blocking) + Environment.ProcessorCount);
        if (wanted <= Volatile.Read(ref s_raisedTo))
        {
            return;
        }

        lock (typeof(ThreadInjection))
        {
            if (wanted <= s_raisedTo)
            {
                return;
            }

            ThreadPool.GetMinThreads(out var workers, out var io);
            if (workers < wanted)
            {
                ThreadPool.SetMinThreads(wanted, io);
            }

            Volatile.Write(ref s_raisedTo, Math.Max(wanted, workers));
        }
    }

    public static void Exit() => Interlocked.Decrement(ref s_blocking);
}
