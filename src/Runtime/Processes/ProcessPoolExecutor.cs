using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Processes;

namespace ParallelGen;

/// <summary>
/// Runs <c>[Parallelizable]</c> methods in worker processes with their own memory, like Python's
/// <c>ProcessPoolExecutor</c> and <c>multiprocessing.Pool</c>: pass it as <see cref="MapOptions.Executor"/> (or the
/// <c>executor:</c> argument of a generated <c>XSubmit</c>). A worker that crashes fails only the item it was running
/// (<see cref="WorkerCrashedException"/>) and is replaced; <see cref="MapOptions.ItemTimeout"/> kills a runaway item's
/// worker; workers never outlive this process. Workers start lazily, all at once, on the first map (or
/// <see cref="StartAsync"/>).
/// </summary>
/// <remarks>
/// Only generated wrappers can use a process pool: the delegate-taking <see cref="Submit{T}"/>, <see cref="Map{TIn, TOut}"/>
/// and <see cref="AsCompleted{TIn, TOut}"/> throw <see cref="NotSupportedException"/>, since a delegate cannot cross to
/// another process. The app must run framework-dependent (<c>dotnet run</c>, <c>dotnet test</c>, <c>dotnet app.dll</c>,
/// its apphost); single-file and NativeAOT apps get <see cref="PlatformNotSupportedException"/> at creation.
/// </remarks>
public sealed partial class ProcessPoolExecutor : IBatchExecutor
{
    private readonly object _gate = new();
    private readonly ProcessPoolOptions _options;
    private readonly int _size;
    private readonly WorkerLauncher _launcher;
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(Protocol.SecretLength);
    private readonly string _directory;
    private readonly List<WorkerConnection> _workers = new();
    private readonly LinkedList<Assignment> _pending = new();
    private readonly HashSet<BatchJob> _jobs = new();
    private readonly List<Task> _starts = new();
    private readonly WireWriter _frame = new(4096);
    private readonly WireWriter _scratch = new(256);
    private readonly PosixSignalRegistration? _sigint;
    private List<string>? _assemblies;
    private int _starting;
    private long _nextAssignment;
    private long _nextWorker;
    private long _workersStarted;
    private Exception? _broken;
    private bool _shutdown;
    private bool _stopping;
    private Task? _stopped;

    /// <summary>Creates a pool of <paramref name="workers"/> worker processes (0 = <see cref="Environment.ProcessorCount"/>).</summary>
    /// <exception cref="PlatformNotSupportedException">The app cannot start worker hosts (single-file, NativeAOT); the message says what to do.</exception>
    public ProcessPoolExecutor(int workers = 0)
        : this(new ProcessPoolOptions { Workers = workers })
    {
    }

    /// <summary>Creates a pool with <paramref name="options"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">The app cannot start worker hosts (single-file, NativeAOT); the message says what to do.</exception>
    public ProcessPoolExecutor(ProcessPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Workers);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxTasksPerWorker);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxWorkerMemoryBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CrashRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFrameBytes, 1024);
        if (options.Initializer is { } init && (!init.IsStatic || init.GetParameters().Length != 0 || init.ContainsGenericParameters || init.DeclaringType?.FullName is null))
        {
            throw new ArgumentException($"The initializer '{init.Name}' must be a static parameterless method of a named, non-generic type.", nameof(options));
        }

        _options = options;
        _size = options.Workers == 0 ? Environment.ProcessorCount : options.Workers;
        _launcher = WorkerLauncher.Resolve();
        _directory = CreatePrivateDirectory();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        if (!OperatingSystem.IsWindows())
        {
            _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Abort());
        }
    }

    /// <summary>The number of worker processes.</summary>
    public int MaxWorkers => _size;

    /// <summary>The process ids of the workers alive now.</summary>
    public IReadOnlyList<int> WorkerProcessIds
    {
        get
        {
            lock (_gate)
            {
                return _workers.Where(w => !w.Dead).Select(w => w.ProcessId).ToArray();
            }
        }
    }

    /// <summary>How many worker processes have completed their handshake so far, replacements included.</summary>
    public long WorkersStarted => Interlocked.Read(ref _workersStarted);

    /// <summary>Starts every worker now (they otherwise start on the first map) and waits until all are ready.</summary>
    /// <exception cref="WorkerCrashedException">A worker died before its handshake; the pool cannot run work.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Task[] starts;
        lock (_gate)
        {
            ThrowIfShutDown();
            StartMissingWorkers();
            starts = _starts.ToArray();
        }

        await Task.WhenAll(starts).WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            if (_broken is not null)
            {
                throw _broken;
            }
        }
    }

    /// <summary>Not supported: a delegate cannot cross to another process. Call a generated <c>XSubmit</c> wrapper with <c>executor:</c> this pool.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default) =>
        throw DelegatesCannotCross("Submit", "XSubmit(..., executor: pool)");

    /// <summary>Not supported: a delegate cannot cross to another process. Call a generated <c>XMap</c> wrapper with <see cref="MapOptions.Executor"/> set to this pool.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        throw DelegatesCannotCross("Map", "XMap(items, new MapOptions { Executor = pool })");

    /// <summary>Not supported: a delegate cannot cross to another process. Call a generated <c>XAsCompleted</c> wrapper with <see cref="MapOptions.Executor"/> set to this pool.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        throw DelegatesCannotCross("AsCompleted", "XAsCompleted(items, new MapOptions { Executor = pool })");

    /// <inheritdoc/>
    /// <remarks>True: an item whose sink is a gate goes only to an idle worker, so it is cancellable until then.</remarks>
    bool IBatchExecutor.HonoursStartGate => true;

    /// <inheritdoc/>
    public void EnsureCanRun(RemoteMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.CannotCrossReason is { } reason)
        {
            throw new NotSupportedException($"'{method.Id}' cannot run on a ProcessPoolExecutor: {reason}");
        }

        if (!RemoteRegistry.TryGet(method.Id, out var registered) || registered.GetType() != method.GetType())
        {
            throw new NotSupportedException($"'{method.Id}' is not registered for calls from other processes (RemoteRegistry); only generated [Parallelizable] methods can run on a ProcessPoolExecutor.");
        }
    }

    /// <summary>
    /// Stops accepting work; queued batches are cancelled when <paramref name="cancelPending"/> is true, running ones
    /// finish; then every worker is told to exit (and killed if it does not within 3 s).
    /// </summary>
    public Task ShutdownAsync(bool cancelPending = false)
    {
        var failed = new Outcomes();
        BatchJob[] jobs;
        lock (_gate)
        {
            if (_stopped is not null)
            {
                return _stopped;
            }

            _shutdown = true;
            if (cancelPending)
            {
                FailPending(failed, static job => new OperationCanceledException("The process pool was shut down before this item started."));
            }

            jobs = _jobs.ToArray();
            _stopped = StopAsync(jobs);
        }

        failed.Deliver();
        return _stopped;
    }

    /// <summary>Shuts down, letting queued and running work finish, and waits until every worker process has exited.</summary>
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    private static NotSupportedException DelegatesCannotCross(string member, string instead) =>
        new($"ProcessPoolExecutor.{member} cannot take a delegate: a lambda or delegate cannot cross to a worker process. " +
            $"Mark the method [Parallelizable] and call its generated wrapper instead, e.g. {instead}.");

    private static string CreatePrivateDirectory()
    {
        var name = "pg-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var root = Path.GetTempPath();
        if (root.Length > 60 && !OperatingSystem.IsWindows())
        {
            root = "/tmp"; // a Unix socket path must stay under ~100 bytes
        }

        var path = Path.Combine(root, name);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private void ThrowIfShutDown()
    {
        if (_shutdown)
        {
            throw new InvalidOperationException("The process pool has been shut down; it accepts no new work.");
        }
    }

    private async Task StopAsync(BatchJob[] jobs)
    {
        try
        {
            await Task.WhenAll(jobs.Select(j => j.Completion)).ConfigureAwait(false);
            Task[] starts;
            lock (_gate)
            {
                starts = _starts.ToArray();
            }

            try
            {
                await Task.WhenAll(starts).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // A failed start is already reported to the work it failed.
            }

            WorkerConnection[] workers;
            lock (_gate)
            {
                _stopping = true;
                workers = _workers.ToArray();
                foreach (var worker in workers)
                {
                    worker.Retiring = true;
                    TrySend(worker, FrameType.Shutdown, ReadOnlySpan<byte>.Empty);
                }
            }

            foreach (var worker in workers)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await worker.Process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    worker.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }
        finally
        {
            Cleanup();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Abort();

    /// <summary>The process is going away (exit, Ctrl-C): fail what is queued, kill every worker now.</summary>
    private void Abort()
    {
        var failed = new Outcomes();
        WorkerConnection[] workers;
        lock (_gate)
        {
            _shutdown = true;
            _stopping = true;
            FailPending(failed, static job => new OperationCanceledException("The process is exiting; the process pool was stopped."));
            workers = _workers.ToArray();
        }

        foreach (var worker in workers)
        {
            worker.Kill();
        }

        failed.Deliver();
        Cleanup(fromHandler: true);
    }

    private void Cleanup(bool fromHandler = false)
    {
        if (!fromHandler)
        {
            // Not from inside the signal or exit handlers themselves.
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            _sigint?.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
