using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Scheduling;

/// <summary>
/// A unit an executor schedules: one submitted call, or one worker loop of a map. Executors run it either on a
/// thread that may block (<see cref="RunBlocking"/>) or as asynchronous work (<see cref="RunAsync"/>).
/// </summary>
internal abstract class WorkItem
{
    private ExecutionContext? _context;

    /// <summary>
    /// Captures the poster's execution context (its <see cref="AsyncLocal{T}"/> values: <c>Activity.Current</c>, the
    /// caller's culture, ...), so the item runs in it on whichever thread drains it, as <c>Task.Run</c> would.
    /// Called by whoever posts the item, right before <see cref="IWorkItemHost.Post"/>.
    /// </summary>
    public void CaptureContext() => _context = ExecutionContext.Capture();

    /// <summary><see cref="RunBlocking"/> in the captured context. Executors call this.</summary>
    public int RunBlockingInContext(int budget, out bool finished)
    {
        if (_context is null)
        {
            return RunBlocking(budget, out finished);
        }

        var run = new BlockingRun(this, budget);
        ExecutionContext.Run(_context, static state => ((BlockingRun)state!).Run(), run);
        finished = run.Finished;
        return run.Ran;
    }

    /// <summary><see cref="RunAsync"/> in the captured context (its continuations keep it). Executors call this.</summary>
    public ValueTask RunAsyncInContext()
    {
        if (_context is null)
        {
            return RunAsync();
        }

        var run = new AsyncRun(this);
        ExecutionContext.Run(_context, static state => ((AsyncRun)state!).Run(), run);
        return run.Pending;
    }

    /// <summary>Whether the item is synchronous through and through, so running it blocking costs nothing.</summary>
    public abstract bool PrefersBlocking { get; }

    /// <summary>
    /// Whether the item may hold its thread in a blocking call (a synchronous body), even if it runs as asynchronous
    /// work: such items need a thread of their own to start at once.
    /// </summary>
    public virtual bool MayBlock => PrefersBlocking;

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

    private sealed class BlockingRun(WorkItem item, int budget)
    {
        public int Ran { get; private set; }

        public bool Finished { get; private set; }

        public void Run()
        {
            Ran = item.RunBlocking(budget, out var finished);
            Finished = finished;
        }
    }

    private sealed class AsyncRun(WorkItem item)
    {
        public ValueTask Pending { get; private set; }

        public void Run() => Pending = item.RunAsync();
    }
}
