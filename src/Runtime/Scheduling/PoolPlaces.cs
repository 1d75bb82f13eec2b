using System;
using System.Threading;

namespace ParallelGen.Scheduling;

/// <summary>
/// The places for blocking work on the .NET thread pool: the pool keeps about a thread per core ready, so that much
/// work that may block starts at once there without starving it; more goes to <see cref="DedicatedThreads"/> instead
/// of waiting for the pool's injection of a thread every ~0.5 s. <see cref="Shared"/> is process wide: every
/// <see cref="ThreadPoolExecutor"/> counts against it, and so does a pool thread that blocks waiting for a map
/// (its caller's worker, then the wait for the other workers), since it holds a pool thread just as much.
/// </summary>
internal sealed class PoolPlaces(int capacity)
{
    private int _taken;

    /// <summary>The process's places: one per core.</summary>
    public static PoolPlaces Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>The places <paramref name="executor"/> counts against (<see cref="Shared"/> but in tests).</summary>
    public static PoolPlaces For(IExecutor executor) => executor is ThreadPoolExecutor pool ? pool.Places : Shared;

    /// <summary>How many places are taken (or held by pool threads that block); may exceed the capacity.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>Takes a place if one is free.</summary>
    public bool TryTake()
    {
        while (true)
        {
            var taken = Volatile.Read(ref _taken);
            if (taken >= capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _taken, taken + 1, taken) == taken)
            {
                return true;
            }
        }
    }

    /// <summary>Counts a pool thread that blocks anyway (free place or not); undo with <see cref="Release"/>.</summary>
    public void Hold() => Interlocked.Increment(ref _taken);

    /// <summary>Gives a place back.</summary>
    public void Release() => Interlocked.Decrement(ref _taken);

    /// <summary>
    /// Counts the calling thread while it blocks, if it is a thread-pool thread; dispose the scope when it stops
    /// blocking.
    /// </summary>
    public Scope HoldIfPoolThread() => Thread.CurrentThread.IsThreadPoolThread ? Scope.Of(this) : default;

    /// <summary>A pool thread counted while it blocks.</summary>
    public readonly struct Scope(PoolPlaces? places) : IDisposable
    {
        /// <summary>Whether the thread is counted.</summary>
        public bool Holds => places is not null;

        /// <inheritdoc/>
        public void Dispose() => places?.Release();

        /// <summary>The counted scope (the constructor's only caller).</summary>
        internal static Scope Of(PoolPlaces owner)
        {
            owner.Hold();
            return new Scope(owner);
        }
    }
}
