using System;
using System.Collections.Generic;
using System.Threading;

namespace ParallelGen.Scheduling;

/// <summary>
/// Threads of this library's own for work that may block (synchronous bodies: I/O, <c>Thread.Sleep</c>), so that such
/// work starts at once without touching the .NET thread pool's settings (its minimum thread count is the
/// application's to choose) and without waiting for the pool's starvation-driven injection of one thread every
/// ~0.5 s. A thread that finishes its work parks for <see cref="IdleLifetime"/> and is reused by the next request,
/// so steady work pays no thread start; a parked thread nobody needs exits.
/// </summary>
internal static class DedicatedThreads
{
    /// <summary>How long a finished thread waits for more work before it exits.</summary>
    internal static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(10);

    private static readonly List<Parked> s_idle = [];
    private static long s_started;

    /// <summary>How many threads have been started so far (for tests: reuse keeps this flat).</summary>
    public static long Started => Interlocked.Read(ref s_started);

    /// <summary>Runs <paramref name="work"/> on a parked thread, or on a new one when none is parked.</summary>
    /// <remarks>The work runs without the caller's execution context; it must capture and restore its own.</remarks>
    public static void Run(Action<object?> work, object? state)
    {
        Parked? parked = null;
        lock (s_idle)
        {
            if (s_idle.Count > 0)
            {
                parked = s_idle[^1];
                s_idle.RemoveAt(s_idle.Count - 1);
            }
        }

        if (parked is not null)
        {
            parked.Hand(work, state);
            return;
        }

        Interlocked.Increment(ref s_started);
        var thread = new Thread(static p => ((Parked)p!).Main())
        {
            IsBackground = true,
            Name = "ParallelGen blocking worker",
        };
        var fresh = new Parked();
        fresh.Set(work, state);
        thread.UnsafeStart(fresh);
    }

    /// <summary>One dedicated thread: runs what it is handed, then parks in <see cref="s_idle"/>.</summary>
    private sealed class Parked
    {
        private readonly SemaphoreSlim _wake = new(0);
        private Action<object?>? _work;
        private object? _state;

        public void Set(Action<object?> work, object? state)
        {
            _work = work;
            _state = state;
        }

        public void Hand(Action<object?> work, object? state)
        {
            Set(work, state);
            _wake.Release();
        }

        public void Main()
        {
            while (true)
            {
                var work = _work!;
                var state = _state;
                _work = null;
                _state = null;
                work(state);
                lock (s_idle)
                {
                    s_idle.Add(this);
                }

                if (_wake.Wait(IdleLifetime))
                {
                    continue;
                }

                lock (s_idle)
                {
                    if (s_idle.Remove(this))
                    {
                        return;
                    }
                }

                // Taken off the list just as the wait ended: the work is on its way.
                _wake.Wait();
            }
        }
    }
}
