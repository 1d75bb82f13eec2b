using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Mapping.Claiming;
using ParallelGen.Mapping.Sinks;
using ParallelGen.Mapping.Workers;

namespace ParallelGen.Mapping;

/// <summary>
/// One map in flight. Its parts are chosen once, here, by what varies: where chunks are claimed
/// (<see cref="ClaimSource{TIn}"/>), where results go (<see cref="ResultSink{TIn, TOut}"/>), how big a chunk is
/// (<see cref="ChunkSizer"/>), which kind of worker runs chunks and how workers join (<see cref="WorkerPlan{TIn, TOut}"/>,
/// <see cref="HelperPolicy"/>). The run itself keeps what every map shares: stopping, failures, counts, progress and
/// telemetry, and the end of the map once every worker has exited. See docs/design/map-engine.md.
/// </summary>
internal sealed partial class MapRun<TIn, TOut> : IWorkerDispatch
{
    private readonly ParallelMethod _method;
    private readonly IExecutor _executor;
    private readonly ErrorMode _errorMode;
    private readonly bool _ordered;
    private readonly IProgress<MapProgress>? _progress;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ClaimWindow? _window;
    private readonly ChunkRunner<TIn, TOut>? _runner;
    private readonly WorkerLauncher _launcher;
    private readonly HelperPolicy _helpers;
    private readonly KeyValuePair<string, object?> _methodTag;
    private volatile bool _stopping;
    private int _activeWorkers;
    private ProgressReporter? _progressReporter;
    private Activity? _activity;

    public MapRun(ParallelMethod method, IExecutor executor, MapSource<TIn> source, WorkerPlan<TIn, TOut> plan, MapOptions? options, ResultMode mode, CancellationToken cancellationToken)
    {
        _method = method;
        _executor = executor;
        Source = source;
        _ordered = options?.Ordered ?? false;
        _errorMode = options?.ErrorMode ?? ErrorMode.FailFast;
        var timeout = options?.ItemTimeout;
        if (timeout is { } t && t <= TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), t, "ItemTimeout must be positive.");
        }

        timeout = timeout == Timeout.InfiniteTimeSpan ? null : timeout;
        _progress = options?.Progress;
        _callerToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _methodTag = new("parallelgen.method", method.Id);

        var fixedDegree = options?.MaxDegreeOfParallelism is > 0 and var d ? d
            : method.MaxDegreeOfParallelism > 0 ? method.MaxDegreeOfParallelism
            : 0;
        var autoCap = options?.MaxAutoDegree ?? 0;
        if (autoCap < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), autoCap, "MaxAutoDegree must be 0 (the default) or positive.");
        }

        _controller = fixedDegree == 0 ? AutoDegreeFor(plan, executor, source, autoCap) : null;
        var degree = _controller?.Degree ?? plan.WorkerCount(fixedDegree > 0 ? fixedDegree : executor.MaxWorkers, executor, source);
        Degree = degree;
        _currentDegree = degree;
        _plan = plan;
        var streaming = mode == ResultMode.Stream;
        Window = ClaimWindow.SizeFor(degree);
        _window = streaming ? new ClaimWindow(Window) : null;

        Claims = ClaimSource<TIn>.For(source, _window, readAhead: mode == ResultMode.Array, guidedShare: 2 * degree);
        Sink = ResultSink<TIn, TOut>.For(mode, source);
        var fixedChunk = options?.ChunkSize is > 0 and var c ? c : Math.Max(0, method.ChunkSize);
        Sizer = new ChunkSizer(fixedChunk, plan.TargetTicks, streaming ? ChunkSizer.StreamingCap(Window, degree) : int.MaxValue);
        _runner = plan.Runner(this, source, timeout);

        var blocking = !streaming && !Claims.IsAsync;
        _blocking = blocking;
        _workers = new MapWorker<TIn, TOut>[degree];
        _workerCount = degree;
        for (var i = 0; i < degree; i++)
        {
            // The caller's worker (the last) claims from the front; the workers alternate ends from there.
            _workers[i] = plan.Create(this, fromBack: (degree - 1 - i) % 2 == 1, blocking);
        }

        Claimer = new Claimer<TIn, TOut>(this);
        _launcher = plan.Launcher(executor);
        _helpers = plan.Helpers(this, executor, _workers[degree - 1].PrefersBlocking);
    }

    /// <summary>How many workers the map starts with (an automatic degree may change later: <see cref="CurrentDegree"/>).</summary>
    public int Degree { get; }

    /// <summary>For streaming maps: how far past the consumer the workers may claim.</summary>
    public int Window { get; }

    /// <summary>The input.</summary>
    public MapSource<TIn> Source { get; }

    /// <summary>Where workers claim.</summary>
    public ClaimSource<TIn> Claims { get; }

    /// <summary>Rests of chunks handed back, claimed before the source.</summary>
    public ReturnedChunks<TIn> Returned { get; } = new();

    /// <summary>Where results go.</summary>
    public ResultSink<TIn, TOut> Sink { get; }

    /// <summary>The size of each claim.</summary>
    public ChunkSizer Sizer { get; }

    /// <summary>How workers get chunks.</summary>
    public Claimer<TIn, TOut> Claimer { get; }

    /// <summary>Runs chunks in this process (thread workers only).</summary>
    public ChunkRunner<TIn, TOut> Runner => _runner!;

    /// <summary>When workers join.</summary>
    public HelperPolicy Helpers => _helpers;

    /// <summary>The workers created so far.</summary>
    public ReadOnlySpan<MapWorker<TIn, TOut>> Workers
    {
        get
        {
            var count = Volatile.Read(ref _workerCount);
            var workers = Volatile.Read(ref _workers);
            return new(workers, 0, Math.Min(count, workers.Length));
        }
    }

    /// <summary>Pulsed when work may have become claimable (a rest handed back, the consumer took items, the map stopped).</summary>
    public AsyncSignal Signal { get; } = new();

    /// <summary>Fires when the map stops (a failure, the caller's token, the consumer leaving).</summary>
    public CancellationToken StopToken => _stop.Token;

    /// <summary>Whether the map is stopping.</summary>
    public bool Stopping => _stopping;

    int IWorkerDispatch.WorkerCount => Degree;

    bool IWorkerDispatch.WorthHelping => WorkLeft() && !_stopping;

    /// <summary>
    /// The window of a streaming map of <paramref name="degree"/> workers: a power of two from 1,024 to 16,384 items,
    /// a few hundred kilobytes of finished items at most, whatever the length of the source.
    /// </summary>
    internal static int WindowFor(int degree) => ClaimWindow.SizeFor(degree);

    /// <summary>Starts the workers, as the helper policy chosen for the map says.</summary>
    public void Start()
    {
        var callerActivity = Activity.Current;
        _activity = ParallelGenTelemetry.ActivitySource.StartActivity("ParallelGen.Map", ActivityKind.Internal);
        try
        {
            _activity?.SetTag("parallelgen.method", _method.Id);
            _activity?.SetTag("parallelgen.degree", Degree);
            _activity?.SetTag("parallelgen.executor", _executor.GetType().Name);
            _activeWorkers = Degree;
            try
            {
                Claims.Open(_stop.Token);
            }
            catch
            {
                _activity?.Dispose();
                throw;
            }

            _stop.Token.UnsafeRegister(static state => ((MapRun<TIn, TOut>)state!).OnStop(), this);
            if (_progress is not null)
            {
                _progressReporter = new ProgressReporter(_progress, ReadProgress);
            }

            // Before the helpers: a synchronous map's caller runs its own worker inside Start.
            StartAutoDegree();
            _helpers.Start();
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

    /// <inheritdoc/>
    public void Dispatch(int from, int to, bool first)
    {
        for (var i = from; i <= to; i++)
        {
            try
            {
                _launcher.Launch(_workers[i]);
            }
            catch (Exception) when (first && i == from)
            {
                // Nothing runs: the executor refused the map (it has been shut down).
                _helpers.Cancel();
                foreach (var other in Workers)
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
                    _workers[j].Exit();
                }

                break;
            }
        }
    }

    /// <inheritdoc/>
    public bool TryRunInline(int index) => ((Scheduling.IWorkItemHost)_executor).TryRunInline(_workers[index]);

    /// <summary>A worker claimed its chunk: results up to its end get room, and the chunk starts.</summary>
    public void Claimed(MapWorker<TIn, TOut> worker)
    {
        if (Sink.NeedsReserve)
        {
            Sink.Reserve(worker.Chunk.Start + worker.Chunk.Count);
        }

        worker.BeginChunk();
    }

    /// <summary>A worker exited; the last one ends the map.</summary>
    public void WorkerExited(bool retireOthers)
    {
        Signal.Set();
        if (retireOthers && (_stopping || !WorkLeft()))
        {
            // Workers the executor has not started yet would only find nothing to do: the map need not wait for them.
            foreach (var other in Workers)
            {
                if (other.TryRetire())
                {
                    WorkerExited(retireOthers: false);
                }
            }
        }

        if (Interlocked.Decrement(ref _activeWorkers) == 0)
        {
            _ = FinishAsync();
        }
    }

    private bool WorkLeft() => Returned.Count > 0 || Claims.HasUnclaimed;

    private void OnStop()
    {
        _stopping = true;
        foreach (var worker in Workers)
        {
            worker.Yield = true;
        }

        Signal.Set();
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

    private async Task FinishAsync()
    {
        _helpers.Cancel();
        StopAutoDegree();
        try
        {
            await Claims.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            RecordSourceFailure(ex);
        }

        if (_progressReporter is not null)
        {
            await _progressReporter.FinishAsync().ConfigureAwait(false);
        }

        EndActivity();
        Sink.Complete();
        _stop.Dispose();
        _done.TrySetResult();
    }
}
