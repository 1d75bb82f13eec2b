using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using ParallelGen.Scheduling;
using ParallelGen.Infrastructure;

namespace ParallelGen.Mapping;

/// <summary>What a map does with each result.</summary>
internal enum ResultMode
{
    /// <summary>Kept in input order for an array.</summary>
    Array,

    /// <summary>Dropped (maps of methods without a result).</summary>
    Discard,

    /// <summary>Streamed to the consumer as <see cref="Completed{TIn, TOut}"/>.</summary>
    Stream,
}

/// <summary>
/// One map in flight. A few worker loops (the degree) run on the executor; each repeatedly claims a chunk of items
/// (self-scheduling: from either end of a <see cref="TwoEndedRange"/> for indexable sources, under a lock for lazy
/// ones, which a <see cref="ReadAhead{T}"/> lets claim their last items from both ends too), runs it as a plain loop,
/// and adapts its chunk size to the measured cost per item so that a chunk lasts about
/// <see cref="TargetChunkTicks"/>: tiny items are batched, expensive ones go one at a time. A worker that runs out of
/// work asks busy workers to hand back the unstarted rest of their chunks, so a chunk that turns out to hold heavy
/// items is split after the item in progress. Streaming maps claim only within a window of
/// <see cref="Window"/> items past what the consumer has taken.
/// </summary>
internal sealed partial class MapRun<TIn, TOut>
{
    internal static readonly long TargetChunkTicks = Math.Max(1, Stopwatch.Frequency / 20_000); // 50 µs
    private const int MaxChunk = 1 << 16;
    private const int SegmentShift = 14;
    private const int SegmentSize = 1 << SegmentShift;
    private const int SegmentMask = SegmentSize - 1;

    private readonly ParallelMethod _method;
    private readonly IExecutor _executor;
    private readonly MapSource<TIn> _source;
    private readonly Func<TIn, CancellationToken, TOut>? _sync;
    private readonly Func<TIn, CancellationToken, ValueTask<TOut>>? _async;
    private readonly ResultMode _mode;
    private readonly bool _ordered;
    private readonly ErrorMode _errorMode;
    private readonly TimeSpan? _timeout;
    private readonly int _fixedChunk;
    private readonly IProgress<MapProgress>? _progress;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly AsyncSignal _signal = new();
    private readonly Loop[] _loops;
    private readonly KeyValuePair<string, object?> _methodTag;

    // Claiming.
    private long _next;
    private readonly TwoEndedRange? _range;
    private readonly object _claimLock = new();
    private IEnumerator<TIn>? _enumerator;
    private IAsyncEnumerator<TIn>? _asyncEnumerator;
    private SemaphoreSlim? _asyncLock;
    private volatile bool _exhausted;
    private ReadAhead<TIn>? _readAhead;
    private volatile int _aheadCount;
    private long _total = -1;
    private readonly Stack<ReturnedRange> _returned = new();
    private volatile int _returnedCount;
    private long _consumedMark;

    // Results.
    private TOut[]? _results;
    private TOut[][]? _segments;
    private Channel<ArraySegment<Completed<TIn, TOut>>>? _channel;

    // Outcome.
    private volatile bool _stopping;
    private ExceptionDispatchInfo? _firstFailure;
    private ConcurrentQueue<MapFailure>? _failures;
    private int _activeLoops;
    private int _runningLoops;
    private long _completed;
    private long _failed;
    private Timer? _progressTimer;
    private readonly object _progressLock = new();
    private MapProgress? _lastProgress;
    private bool _finalReported;
    private Activity? _activity;
    private int _helpersPending;
    private long _helpersFrom;
    private Timer? _helperTimer;
    private static readonly long s_helperDelayTicks = Math.Max(1, Stopwatch.Frequency / 20_000); // 50 µs

    public MapRun(ParallelMethod method, IExecutor executor, MapSource<TIn> source, WorkBody<TIn, TOut> body, MapOptions? options, ResultMode mode, CancellationToken cancellationToken)
    {
        _method = method;
        _executor = executor;
        _source = source;
        _sync = body.SyncBody;
        _async = body.AsyncBody;
        if (_sync is null && _async is null)
        {
            throw new ArgumentException("The work body is empty.", nameof(body));
        }

        _mode = mode;
        _ordered = options?.Ordered ?? false;
        _errorMode = options?.ErrorMode ?? ErrorMode.FailFast;
        _timeout = options?.ItemTimeout;
        if (_timeout is { } t && (t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan))
        {
            throw new ArgumentOutOfRangeException(nameof(options), t, "ItemTimeout must be positive.");
        }

        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            _timeout = null;
        }

        _fixedChunk = options?.ChunkSize is > 0 and var c ? c : Math.Max(0, method.ChunkSize);
        _progress = options?.Progress;
        _callerToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _methodTag = new("parallelgen.method", method.Id);

        var capacity = executor is IWorkItemHost host ? host.Capacity : executor.MaxWorkers;
        var requested = options?.MaxDegreeOfParallelism is > 0 and var d ? d
            : method.MaxDegreeOfParallelism > 0 ? method.MaxDegreeOfParallelism
            : executor.MaxWorkers;
        var degree = Math.Max(1, Math.Min(requested, capacity));
        if (source.IsIndexed)
        {
            degree = (int)Math.Max(1, Math.Min(degree, source.Count));
            _total = source.Count;
            if (mode != ResultMode.Stream)
            {
                // Streaming maps claim in input order, within their window; the others from both ends.
                _range = new TwoEndedRange(checked((int)source.Count));
            }
        }

        Degree = degree;
        Window = WindowFor(degree);
        _loops = new Loop[degree];
        for (var i = 0; i < degree; i++)
        {
            // The caller's loop (the last) claims from the front; the loops alternate ends from there.
            _loops[i] = new Loop(this) { FromBack = (degree - 1 - i) % 2 == 1 };
        }
    }

    /// <summary>How many worker loops run.</summary>
    public int Degree { get; }

    /// <summary>For streaming maps: how far past the consumer the workers may claim.</summary>
    public int Window { get; }

    /// <summary>
    /// The window of a streaming map of <paramref name="degree"/> workers: a power of two from 1,024 to 16,384 items,
    /// a few hundred kilobytes of finished items at most, whatever the length of the source.
    /// </summary>
    internal static int WindowFor(int degree) => (int)Math.Min(16_384, Math.Max(1_024, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)degree * 256)));

    private bool Streaming => _mode == ResultMode.Stream;

    /// <summary>Starts the loops. <paramref name="callerJoins"/>: the calling thread runs one loop itself (synchronous maps).</summary>
    public void Start(bool callerJoins)
    {
        var callerActivity = Activity.Current;
        _activity = ParallelGenTelemetry.ActivitySource.StartActivity("ParallelGen.Map", ActivityKind.Internal);
        try
        {
            StartCore(callerJoins);
        }
        finally
        {
            // The work captured the map's activity as its parent; the caller goes on with its own.
            if (_activity is not null)
            {
                Activity.Current = callerActivity;
            }
        }
    }

    private void StartCore(bool callerJoins)
    {
        _activity?.SetTag("parallelgen.method", _method.Id);
        _activity?.SetTag("parallelgen.degree", Degree);
        _activity?.SetTag("parallelgen.executor", _executor.GetType().Name);

        switch (_mode)
        {
            case ResultMode.Array when _source.IsIndexed:
                // Every slot is written by its item (failed items' slots are cleared in Outcome), so the array is not
                // zeroed first: a large result array's pages are then first touched by the workers, in parallel,
                // instead of by one thread before the map starts.
                _results = _source.Count == 0 ? System.Array.Empty<TOut>() : GC.AllocateUninitializedArray<TOut>(checked((int)_source.Count));
                break;
            case ResultMode.Array:
                _segments = new TOut[4][];
                break;
            case ResultMode.Stream:
                _channel = Channel.CreateUnbounded<ArraySegment<Completed<TIn, TOut>>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });
                break;
        }

        _activeLoops = _loops.Length;
        try
        {
            if (_source.Enumerable is { } enumerable)
            {
                _enumerator = enumerable.GetEnumerator();
            }
            else if (_source.AsyncEnumerable is { } asyncEnumerable)
            {
                _asyncEnumerator = asyncEnumerable.GetAsyncEnumerator(_stop.Token);
                _asyncLock = new SemaphoreSlim(1, 1);
            }
        }
        catch
        {
            _activity?.Dispose();
            throw;
        }

        _stop.Token.UnsafeRegister(static state => ((MapRun<TIn, TOut>)state!).OnStop(), this);
        if (_progress is not null)
        {
            _progressTimer = new Timer(static state => ((MapRun<TIn, TOut>)state!).ReportProgress(final: false), this, 100, 100);
        }

        var host = _executor as IWorkItemHost;
        var last = _loops.Length - 1;
        if (callerJoins && host is { CallerMayJoin: true } && _loops[last].PrefersBlocking)
        {
            // The caller works on the map itself. Helpers join only once the map proves to be worth them: after
            // HelperDelayTicks of work, or at the latest after a millisecond (a timer, in case the first item blocks).
            // A map of a thousand trivial items thus finishes on the caller without waking a single thread.
            if (last > 0)
            {
                _helpersFrom = Stopwatch.GetTimestamp();
                _helpersPending = 1;
                _helperTimer = new Timer(static state => ((MapRun<TIn, TOut>)state!).PostHelpers(), this, 1, Timeout.Infinite);
            }

            if (!host.TryRunInline(_loops[last]))
            {
                Dispatch(host, last, last, first: true);
                PostHelpers();
            }

            return;
        }

        Dispatch(host, 0, last, first: true);
    }

    /// <summary>Hands the loops <paramref name="from"/>..<paramref name="to"/> to the executor.</summary>
    private void Dispatch(IWorkItemHost? host, int from, int to, bool first)
    {
        for (var i = from; i <= to; i++)
        {
            var loop = _loops[i];
            try
            {
                if (host is null)
                {
                    var future = _executor.Submit(async _ =>
                    {
                        await loop.RunAsync().ConfigureAwait(false);
                        return default(NoResult);
                    });
                    future.Task.ContinueWith(static (_, state) => ((Loop)state!).Exit(), loop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
                else
                {
                    loop.CaptureContext();
                    host.Post(loop);
                }
            }
            catch (Exception) when (first && i == from)
            {
                // Nothing runs: the executor refused the map (it has been shut down).
                _helpersPending = 0;
                foreach (var other in _loops)
                {
                    other.Exit();
                }

                _done.Task.GetAwaiter().GetResult();
                throw;
            }
            catch (InvalidOperationException)
            {
                for (var j = i; j <= to; j++)
                {
                    _loops[j].Exit();
                }

                break;
            }
        }
    }

    /// <summary>Called by the caller's loop after each chunk: starts the helpers once the map has run long enough.</summary>
    private void AfterCallerChunk()
    {
        if (_helpersPending != 0 && Stopwatch.GetTimestamp() - _helpersFrom > s_helperDelayTicks)
        {
            PostHelpers();
        }
    }

    private void PostHelpers()
    {
        if (Interlocked.Exchange(ref _helpersPending, 0) == 0)
        {
            return;
        }

        _helperTimer?.Dispose();
        if (!WorkLeft() || _stopping)
        {
            return;
        }

        Dispatch(_executor as IWorkItemHost, 0, _loops.Length - 2, first: false);
    }

    /// <summary>Blocks until every loop has exited, then returns the results in input order or throws.</summary>
    public TOut[] Wait()
    {
        _done.Task.GetAwaiter().GetResult();
        return Outcome();
    }

    /// <summary>Waits asynchronously until every loop has exited, then returns the results in input order or throws.</summary>
    public async Task<TOut[]> WaitAsync()
    {
        await _done.Task.ConfigureAwait(false);
        return Outcome();
    }

    private TOut[] Outcome()
    {
        _firstFailure?.Throw();
        _callerToken.ThrowIfCancellationRequested();
        if (WorkLeft())
        {
            throw new OperationCanceledException("The executor was shut down before the map finished.");
        }

        var results = _mode == ResultMode.Array ? Results() : System.Array.Empty<TOut>();
        if (_failures is { IsEmpty: false } failures)
        {
            var sorted = failures.ToArray();
            System.Array.Sort(sorted, static (a, b) => a.Index.CompareTo(b.Index));
            if (_results is { } uninitialized)
            {
                foreach (var failure in sorted)
                {
                    uninitialized[failure.Index] = default!;
                }
            }

            throw new MapException(sorted, _mode == ResultMode.Array ? results : null);
        }

        return results;
    }

    private bool WorkLeft() =>
        _returnedCount > 0 || (_range is { } range ? range.Remaining > 0 : _source.IsIndexed ? Volatile.Read(ref _next) < _source.Count : !_exhausted || _aheadCount > 0);

    private TOut[] Results()
    {
        if (_results is not null)
        {
            return _results;
        }

        var total = _total;
        var results = total == 0 ? System.Array.Empty<TOut>() : new TOut[total];
        var segments = _segments!;
        for (long start = 0; start < total; start += SegmentSize)
        {
            var length = (int)Math.Min(SegmentSize, total - start);
            System.Array.Copy(segments[start >> SegmentShift], 0, results, start, length);
        }

        return results;
    }

    private void OnStop()
    {
        _stopping = true;
        foreach (var loop in _loops)
        {
            loop.Yield = true;
        }

        _signal.Set();
    }

    private void Stop()
    {
        // Flags first: a body woken by the token must not find the map still claiming.
        OnStop();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (AggregateException)
        {
            // A body's cancellation callback threw; the map stops regardless.
        }
    }

    private void ExitLoop(bool retireOthers)
    {
        _signal.Set();
        if (retireOthers && (_stopping || !WorkLeft()))
        {
            // Loops the executor has not started yet would only find nothing to do: the map need not wait for them.
            foreach (var other in _loops)
            {
                if (other.TryRetire())
                {
                    ExitLoop(retireOthers: false);
                }
            }
        }

        if (Interlocked.Decrement(ref _activeLoops) == 0)
        {
            _ = FinishAsync();
        }
    }

    private async Task FinishAsync()
    {
        _helpersPending = 0;
        _helperTimer?.Dispose();
        try
        {
            _enumerator?.Dispose();
            if (_asyncEnumerator is not null)
            {
                await _asyncEnumerator.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            RecordSourceFailure(ex);
        }

        if (_progressTimer is not null)
        {
            await _progressTimer.DisposeAsync().ConfigureAwait(false);
            ReportProgress(final: true);
        }

        if (_activity is { } activity)
        {
            activity.SetTag("parallelgen.items.completed", Interlocked.Read(ref _completed));
            activity.SetTag("parallelgen.items.failed", Interlocked.Read(ref _failed));
            if (_firstFailure is { } failure)
            {
                activity.SetStatus(ActivityStatusCode.Error, failure.SourceException.Message);
            }
            else if (_failures is { IsEmpty: false })
            {
                activity.SetStatus(ActivityStatusCode.Error, "Some items failed.");
            }

            activity.Stop();
        }

        _channel?.Writer.TryComplete();
        _stop.Dispose();
        _done.TrySetResult();
    }

    private void ReportProgress(bool final)
    {
        var progress = new MapProgress(Interlocked.Read(ref _completed), Interlocked.Read(ref _failed), Interlocked.Read(ref _total) is >= 0 and var total ? total : null);
        lock (_progressLock)
        {
            if (_finalReported || (!final && _lastProgress == progress))
            {
                return;
            }

            _finalReported = final;
            _lastProgress = progress;
            try
            {
                _progress!.Report(progress);
            }
            catch (Exception)
            {
                // A failing progress sink must not break the map.
            }
        }
    }

    private void RecordSourceFailure(Exception exception)
    {
        Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(exception), null);
        Stop();
    }

    /// <summary>Records a failed item; returns 1 when it counts as a failure (not a consequence of the map stopping).</summary>
    private int Fail(Loop loop, long index, TIn input, Exception exception)
    {
        if (exception is OperationCanceledException && _stop.IsCancellationRequested)
        {
            return 0;
        }

        if (_errorMode == ErrorMode.FailFast)
        {
            if (Interlocked.CompareExchange(ref _firstFailure, ExceptionDispatchInfo.Capture(exception), null) is null)
            {
                Stop();
            }

            return 1;
        }

        if (Streaming)
        {
            loop.AddToBatch(new Completed<TIn, TOut>(index, input, default!, exception));
        }
        else
        {
            LazyInitializer.EnsureInitialized(ref _failures).Enqueue(new MapFailure(index, exception));
        }

        return 1;
    }

    private void Store(Loop loop, long index, TIn input, TOut result)
    {
        switch (_mode)
        {
            case ResultMode.Array:
                if (_results is { } results)
                {
                    results[index] = result;
                }
                else
                {
                    Volatile.Read(ref _segments)![index >> SegmentShift][index & SegmentMask] = result;
                }

                break;
            case ResultMode.Stream:
                loop.AddToBatch(new Completed<TIn, TOut>(index, input, result, null));
                break;
        }
    }

    private readonly struct ReturnedRange(long start, int count, TIn[]? items, int offset)
    {
        public long Start { get; } = start;

        public int Count { get; } = count;

        public TIn[]? Items { get; } = items;

        public int Offset { get; } = offset;
    }
}
