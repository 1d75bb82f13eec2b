using System.Threading.Tasks;

namespace ParallelGen.Scheduling;

/// <summary>
/// A unit an executor schedules: one submitted call, or one worker loop of a map. Executors run it either on a
/// thread that may block (<see cref="RunBlocking"/>) or as asynchronous work (<see cref="RunAsync"/>).
/// </summary>
internal abstract class WorkItem
{
    /// <summary>Whether the item is synchronous through and through, so running it blocking costs nothing.</summary>
    public abstract bool PrefersBlocking { get; }

    /// <summary>
    /// Runs the item on the current thread, blocking on any asynchronous part. <paramref name="budget"/> is how many
    /// work items this worker may still run (worker recycling); returns how many it ran. <paramref name="finished"/>
    /// is false when the item stopped only because the budget ran out and must be continued by another worker.
    /// </summary>
    public abstract int RunBlocking(int budget, out bool finished);

    /// <summary>Runs the item asynchronously.</summary>
    public abstract ValueTask RunAsync();

    /// <summary>The executor drops the item before it started (shutdown with cancelPending).</summary>
    public abstract void CancelPending();

    /// <summary>The executor cannot run the item (its worker's initializer threw): the item fails with that exception.</summary>
    public abstract void Fail(System.Exception exception);
}
