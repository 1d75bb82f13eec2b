using System.Diagnostics;
using System.Threading;

namespace ParallelGen.Mapping.Workers;

/// <summary>What a helper policy needs of a map: hand workers to the executor, or run one on the calling thread.</summary>
internal interface IWorkerDispatch
{
    /// <summary>How many workers the map has.</summary>
    int WorkerCount { get; }

    /// <summary>Whether helpers would find anything to do (work is left and the map is not stopping).</summary>
    bool WorthHelping { get; }

    /// <summary>Hands workers <paramref name="from"/>..<paramref name="to"/> to the executor; <paramref name="first"/>: a refusal of the first fails the map's start.</summary>
    void Dispatch(int from, int to, bool first);

    /// <summary>Runs worker <paramref name="index"/> on the calling thread, if the executor lets it; false otherwise.</summary>
    bool TryRunInline(int index);
}

/// <summary>
/// When a map's workers join it (replication, as in <c>TaskReplicator</c>): all at once (<see cref="AllAtOnce"/>), or
/// the caller first with helpers once the map proves worth them (<see cref="CallerFirst"/>). Chosen once when the map
/// starts.
/// </summary>
internal abstract class HelperPolicy
{
    /// <summary>Starts the workers.</summary>
    public abstract void Start();

    /// <summary>A blocking worker finished a chunk.</summary>
    public virtual void AfterChunk()
    {
    }

    /// <summary>The map ended: helpers not yet posted never will be.</summary>
    public virtual void Cancel()
    {
    }

    /// <summary>Every worker is handed to the executor at once (asynchronous maps, streams, batches).</summary>
    public sealed class AllAtOnce(IWorkerDispatch dispatch) : HelperPolicy
    {
        /// <inheritdoc/>
        public override void Start() => dispatch.Dispatch(0, dispatch.WorkerCount - 1, first: true);
    }

    /// <summary>
    /// A synchronous map: the caller runs the last worker itself, and the helpers join only once the map proves to be
    /// worth them: after <see cref="DelayTicks"/> of work, or at the latest after a millisecond (a timer, in case the
    /// first item blocks). A map of a thousand trivial items thus finishes on the caller without waking a thread.
    /// </summary>
    /// <param name="dispatch">The map.</param>
    /// <param name="fallbackMilliseconds">When helpers are posted at the latest (<see cref="Timeout.Infinite"/>: only by
    /// <see cref="AfterChunk"/> and <see cref="PostHelpers"/>, for tests).</param>
    public sealed class CallerFirst(IWorkerDispatch dispatch, int fallbackMilliseconds = 1) : HelperPolicy
    {
        /// <summary>How long the caller works alone before helpers join: 50 µs.</summary>
        public static readonly long DelayTicks = System.Math.Max(1, Stopwatch.Frequency / 20_000);

        private int _pending;
        private long _from;
        private Timer? _timer;

        /// <summary>Whether helpers are still to be posted.</summary>
        public bool Pending => Volatile.Read(ref _pending) != 0;

        /// <summary>Whether helpers are due at <paramref name="now"/> (a <see cref="Stopwatch"/> timestamp).</summary>
        public bool DueAt(long now) => _pending != 0 && now - _from > DelayTicks;

        /// <inheritdoc/>
        public override void Start()
        {
            var last = dispatch.WorkerCount - 1;
            if (last > 0)
            {
                _from = Stopwatch.GetTimestamp();
                _pending = 1;
                _timer = new Timer(static state => ((CallerFirst)state!).PostHelpers(), this, fallbackMilliseconds, Timeout.Infinite);
            }

            if (!dispatch.TryRunInline(last))
            {
                dispatch.Dispatch(last, last, first: true);
                PostHelpers();
            }
        }

        /// <inheritdoc/>
        public override void AfterChunk()
        {
            if (DueAt(Stopwatch.GetTimestamp()))
            {
                PostHelpers();
            }
        }

        /// <inheritdoc/>
        public override void Cancel()
        {
            _pending = 0;
            _timer?.Dispose();
        }

        /// <summary>Posts the helpers (once).</summary>
        public void PostHelpers()
        {
            if (Interlocked.Exchange(ref _pending, 0) == 0)
            {
                return;
            }

            _timer?.Dispose();
            if (dispatch.WorthHelping)
            {
                dispatch.Dispatch(0, dispatch.WorkerCount - 2, first: false);
            }
        }
    }
}
