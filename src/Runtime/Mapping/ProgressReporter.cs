using System;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping;

/// <summary>Reports a map's progress at most every 100 ms while it changes, and always once at the end.</summary>
internal sealed class ProgressReporter
{
    private readonly IProgress<MapProgress> _progress;
    private readonly Func<MapProgress> _read;
    private readonly object _lock = new();
    private readonly Timer _timer;
    private MapProgress? _last;
    private bool _finalReported;

    /// <summary>Starts reporting what <paramref name="read"/> returns to <paramref name="progress"/>.</summary>
    public ProgressReporter(IProgress<MapProgress> progress, Func<MapProgress> read)
    {
        _progress = progress;
        _read = read;
        _timer = new Timer(static state => ((ProgressReporter)state!).Report(final: false), this, 100, 100);
    }

    /// <summary>Stops the timer and reports the final figures.</summary>
    public async ValueTask FinishAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        Report(final: true);
    }

    private void Report(bool final)
    {
        var progress = _read();
        lock (_lock)
        {
            if (_finalReported || (!final && _last == progress))
            {
                return;
            }

            _finalReported = final;
            _last = progress;
            try
            {
                _progress.Report(progress);
            }
            catch (Exception)
            {
                // A failing progress sink must not break the map.
            }
        }
    }
}
