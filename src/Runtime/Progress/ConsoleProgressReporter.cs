using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace ParallelGen;

/// <summary>
/// A text progress bar for maps, what <c>tqdm</c> gives Python users: pass it as <see cref="MapOptions.Progress"/>.
/// It redraws one line on <see cref="Console.Error"/> (or the given writer) as
/// <c>label  42%|████▏     | 4200/10000 [00:03&lt;00:04, 1400.0 it/s, 3 failed]</c>
/// and ends the line when the map reports its last item. When the total is unknown it shows the count and rate only.
/// </summary>
/// <example>
/// <code>
/// var results = Images.ResizeMap(paths, new MapOptions { Progress = new ConsoleProgressReporter("resize") });
/// </code>
/// </example>
public sealed class ConsoleProgressReporter : IProgress<MapProgress>
{
    private readonly TextWriter _writer;
    private readonly string? _label;
    private readonly int _barWidth;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private int _lastLength;
    private bool _ended;

    /// <summary>Creates a reporter.</summary>
    /// <param name="label">Printed before the bar, or <see langword="null"/>.</param>
    /// <param name="writer">Where to draw; <see cref="Console.Error"/> by default, so results on standard output stay clean.</param>
    /// <param name="barWidth">The bar's width in characters.</param>
    public ConsoleProgressReporter(string? label = null, TextWriter? writer = null, int barWidth = 24)
    {
        _label = label;
        _writer = writer ?? Console.Error;
        _barWidth = Math.Max(4, barWidth);
    }

    /// <summary>The last line drawn, without the carriage return; for tests and logs.</summary>
    public string LastLine { get; private set; } = string.Empty;

    /// <inheritdoc/>
    public void Report(MapProgress value)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            var line = Format(value, _clock.Elapsed);
            var padding = _lastLength > line.Length ? new string(' ', _lastLength - line.Length) : string.Empty;
            _writer.Write('\r');
            _writer.Write(line);
            _writer.Write(padding);
            _lastLength = line.Length;
            LastLine = line;
            if (value.Total is { } total && value.Completed + value.Failed >= total)
            {
                _writer.WriteLine();
                _ended = true;
            }

            _writer.Flush();
        }
    }

    private string Format(MapProgress value, TimeSpan elapsed)
    {
        var done = value.Completed + value.Failed;
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(_label))
        {
            text.Append(_label).Append(": ");
        }

        if (value.Total is { } total && total > 0)
        {
            var fraction = Math.Clamp((double)done / total, 0, 1);
            var filled = fraction * _barWidth;
            var whole = (int)filled;
            text.Append(((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture).PadLeft(3)).Append("%|");
            text.Append('█', whole);
            if (whole < _barWidth)
            {
                text.Append(" ▏▎▍▌▋▊▉"[(int)((filled - whole) * 8)]);
                text.Append(' ', _barWidth - whole - 1);
            }

            text.Append("| ").Append(done.ToString(CultureInfo.InvariantCulture)).Append('/').Append(total.ToString(CultureInfo.InvariantCulture));
            var remaining = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
            text.Append(" [").Append(Clock(elapsed)).Append('<').Append(remaining is { } r ? Clock(r) : "?").Append(", ");
        }
        else
        {
            text.Append(done.ToString(CultureInfo.InvariantCulture)).Append(" it [").Append(Clock(elapsed)).Append(", ");
        }

        text.Append(rate.ToString("0.0", CultureInfo.InvariantCulture)).Append(" it/s");
        if (value.Failed > 0)
        {
            text.Append(", ").Append(value.Failed.ToString(CultureInfo.InvariantCulture)).Append(" failed");
        }

        return text.Append(']').ToString();
    }

    private static string Clock(TimeSpan time) =>
        time.TotalHours >= 1
            ? ((int)time.TotalHours).ToString(CultureInfo.InvariantCulture) + time.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture)
            : time.ToString(@"mm\:ss", CultureInfo.InvariantCulture);
}
