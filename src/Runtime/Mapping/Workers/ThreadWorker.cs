using System;
using System.Threading;

namespace ParallelGen.Mapping.Workers;

/// <summary>A worker that runs its chunks on the executor's thread, in this process, and may hand back their rest.</summary>
internal abstract class ThreadWorker<TIn, TOut>(MapRun<TIn, TOut> run, bool fromBack) : MapWorker<TIn, TOut>(run, fromBack, concurrentResults: false)
{
    private CancellationTokenSource? _timeoutSource;

    /// <inheritdoc/>
    public override bool CanHandBack => true;

    /// <summary>A token that fires after <paramref name="timeout"/> or when the map stops (one item's <c>ItemTimeout</c>).</summary>
    public CancellationToken TimeoutToken(TimeSpan timeout)
    {
        var source = _timeoutSource ??= CancellationTokenSource.CreateLinkedTokenSource(Run.StopToken);
        source.CancelAfter(timeout);
        return source.Token;
    }

    /// <summary>Readies the timeout token for the next item.</summary>
    public void ResetTimeout()
    {
        if (_timeoutSource is { } source && !source.TryReset())
        {
            source.Dispose();
            _timeoutSource = null;
        }
    }

    /// <inheritdoc/>
    protected override void OnExit() => _timeoutSource?.Dispose();
}
