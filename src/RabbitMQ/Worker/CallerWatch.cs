using System;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Worker;

/// <summary>
/// Whether the caller of a message a worker is running is still there, asked before each item of a message that has
/// run for a while: a worker stops starting items of a caller that is gone (its reply queue expired) instead of
/// finishing the whole message it holds.
/// </summary>
/// <param name="knownGone">Cheap: this worker already learnt that the caller is gone (any slot's probe or returned
/// result).</param>
/// <param name="probeGoneAsync">A round trip to the broker: true when the caller's reply queue no longer exists.</param>
internal sealed class CallerWatch(Func<bool> knownGone, Func<ValueTask<bool>> probeGoneAsync)
{
    /// <summary>How long a message runs between two probes of its caller's reply queue.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private long _lastProbe = Environment.TickCount64;

    /// <summary>True when the next item must not start: the caller is known gone, or (at most once per
    /// <see cref="ProbeInterval"/>) a probe finds its reply queue gone.</summary>
    public async ValueTask<bool> CallerGoneAsync()
    {
        if (knownGone())
        {
            return true;
        }

        var now = Environment.TickCount64;
        if (now - _lastProbe < ProbeInterval.TotalMilliseconds)
        {
            return false;
        }

        _lastProbe = now;
        return await probeGoneAsync().ConfigureAwait(false);
    }
}
