using System.Threading;

namespace ParallelGen.RabbitMQ;

/// <summary>What a <see cref="RabbitMqExecutor"/> has seen so far: the numbers the fault tests and operators read.</summary>
public sealed class RabbitMqStatistics
{
    private long _published;
    private long _republished;
    private long _results;
    private long _duplicates;
    private long _deadLettered;
    private long _watchdogRestarts;

    /// <summary>Items published and confirmed by the broker (a republished item counts once more).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Publishes retried after a lost connection or a watchdog restart.</summary>
    public long Republished => Interlocked.Read(ref _republished);

    /// <summary>Result messages received, duplicates included: the executions whose outcome reached this caller.</summary>
    public long ResultsReceived => Interlocked.Read(ref _results);

    /// <summary>Results dropped because their item already had its outcome (a redelivered item that ran twice, or a
    /// result arriving after the item was cancelled): the first result of an item wins.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicates);

    /// <summary>Items that came back from the dead-letter exchange (delivery limit reached, or refused by a worker).</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Connections dropped by the watchdog because a publish or consumer did not resume in time.</summary>
    public long WatchdogRestarts => Interlocked.Read(ref _watchdogRestarts);

    /// <summary>Connections re-established after the first.</summary>
    public long Reconnects { get; internal set; }

    /// <summary>One line with every counter.</summary>
    public override string ToString() =>
        $"published {Published}, republished {Republished}, results {ResultsReceived}, duplicates dropped {DuplicatesDropped}, dead-lettered {DeadLettered}, reconnects {Reconnects}, watchdog restarts {WatchdogRestarts}";

    internal void OnPublished() => Interlocked.Increment(ref _published);

    internal void OnRepublished() => Interlocked.Increment(ref _republished);

    internal void OnResult() => Interlocked.Increment(ref _results);

    internal void OnDuplicate() => Interlocked.Increment(ref _duplicates);

    internal void OnDeadLettered() => Interlocked.Increment(ref _deadLettered);

    internal void OnWatchdogRestart() => Interlocked.Increment(ref _watchdogRestarts);
}
