using System;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// One connection to the broker, kept open: when it drops (broker restart, network cut, a missed heartbeat) or the
/// watchdog calls <see cref="Restart"/>, it connects again with a growing pause (0.2 s to 5 s) and runs the session
/// setup again (declarations, channels, consumers). The client's own automatic recovery is off: publishes that hang
/// after a restart (rabbitmq-dotnet-client#1930) and consumers lost during its recovery (#1993) are the reasons;
/// here every (re)connection builds its session from scratch, and the watchdog bounds anything that does not resume.
/// </summary>
internal sealed class ConnectionKeeper : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly string _name;
    private readonly Func<IConnection, long, CancellationToken, Task> _setup;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private TaskCompletionSource<(IConnection Connection, long Generation)> _ready = NewReady();
    private IConnection? _connection;
    private long _generation;
    private Task? _loop;
    private int _reconnects;

    public ConnectionKeeper(RabbitMqOptions options, string name, Func<IConnection, long, CancellationToken, Task> setup)
    {
        _factory = Connections.Factory(options, name);
        _name = name;
        _setup = setup;
    }

    /// <summary>How many times the connection was re-established after the first.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>The number of the current session: it grows with every (re)connection.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Connects the first time; fails (without retrying) when the broker cannot be reached.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await _factory.CreateConnectionAsync(_name, cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenSessionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _loop = Task.Run(KeepAsync);
    }

    /// <summary>Waits for an open session and returns it.</summary>
    public Task<(IConnection Connection, long Generation)> WaitReadyAsync(CancellationToken cancellationToken)
    {
        Task<(IConnection, long)> ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        return ready.WaitAsync(cancellationToken);
    }

    /// <summary>Drops session <paramref name="generation"/> (if it is still the current one) so that a new one is
    /// built: the watchdog's remedy for a publish or consumer that did not resume.</summary>
    public void Restart(long generation, string reason)
    {
        IConnection? connection;
        lock (_gate)
        {
            if (generation != _generation || _connection is null)
            {
                return;
            }

            connection = _connection;
        }

        Log.Write($"{_name}: restarting the connection ({reason})");
        _ = Task.Run(async () =>
        {
            try
            {
                await connection.AbortAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Already gone: the keeper notices through the shutdown event either way.
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        IConnection? connection;
        lock (_gate)
        {
            connection = _connection;
            _connection = null;
            _ready.TrySetException(new ObjectDisposedException(_name));
        }

        if (connection is not null)
        {
            try
            {
                await connection.CloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Closing a broken connection: nothing left to release.
            }

            connection.Dispose();
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private static TaskCompletionSource<(IConnection, long)> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task OpenSessionAsync(IConnection connection, CancellationToken cancellationToken)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };

        long generation;
        lock (_gate)
        {
            generation = ++_generation;
        }

        await _setup(connection, generation, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _connection = connection;
            _lost = lost.Task;
            _ready.TrySetResult((connection, generation));
        }
    }

    private Task _lost = Task.CompletedTask;

    private async Task KeepAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Task lost;
            lock (_gate)
            {
                lost = _lost;
            }

            try
            {
                await lost.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            IConnection? old;
            lock (_gate)
            {
                old = _connection;
                _connection = null;
                if (_ready.Task.IsCompleted)
                {
                    _ready = NewReady();
                }
            }

            old?.Dispose();
            Log.Write($"{_name}: connection lost, reconnecting");
            var pause = TimeSpan.FromMilliseconds(200);
            while (!stopping.IsCancellationRequested)
            {
                IConnection? connection = null;
                try
                {
                    connection = await _factory.CreateConnectionAsync(_name, stopping).ConfigureAwait(false);
                    await OpenSessionAsync(connection, stopping).ConfigureAwait(false);
                    Interlocked.Increment(ref _reconnects);
                    Log.Write($"{_name}: reconnected");
                    break;
                }
                catch (Exception) when (!stopping.IsCancellationRequested)
                {
                    if (connection is not null)
                    {
                        try
                        {
                            await connection.AbortAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                        }
                        catch (Exception)
                        {
                            // A half-open connection that failed its setup: dropped either way.
                        }

                        connection.Dispose();
                    }

                    try
                    {
                        await Task.Delay(pause, stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    pause = TimeSpan.FromMilliseconds(Math.Min(5000, pause.TotalMilliseconds * 2));
                }
                catch (Exception)
                {
                    connection?.Dispose();
                    return;
                }
            }
        }
    }
}
