using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 6: progress, the console reporter, the meter and the activity source.</summary>
public class TelemetryTests
{
    private sealed class Recorder : IProgress<MapProgress>
    {
        public ConcurrentQueue<MapProgress> Reports { get; } = new();

        public void Report(MapProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void Progress_is_reported_once_at_the_end_with_the_final_counts()
    {
        var recorder = new Recorder();
        Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), Lazy(1_000), Sync<int, int>(x => x % 100 == 0 ? throw new InvalidOperationException() : x), new MapOptions { Progress = recorder, ErrorMode = ErrorMode.Collect }, default)));
        var reports = recorder.Reports.ToArray();
        Assert.Equal(new MapProgress(990, 10, 1_000), reports[^1]);
        Assert.Single(reports, r => r.Completed + r.Failed == 1_000 && r.Total == 1_000);
    }

    [Fact]
    public void Progress_is_reported_at_a_bounded_rate_and_counts_never_go_back()
    {
        var recorder = new Recorder();
        var watch = Stopwatch.StartNew();
        Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 60).ToArray(), Sync<int, int>(x => { Thread.Sleep(5); return x; }), new MapOptions { Progress = recorder, MaxDegreeOfParallelism = 2 }, default));
        var elapsed = watch.Elapsed;
        var reports = recorder.Reports.ToArray();
        Assert.InRange(reports.Length, 1, (int)(elapsed.TotalMilliseconds / 100) + 2);
        Assert.Equal(new MapProgress(60, 0, 60), reports[^1]);
        for (var i = 1; i < reports.Length; i++)
        {
            Assert.True(reports[i].Completed >= reports[i - 1].Completed);
        }
    }

    [Fact]
    public void Console_reporter_draws_a_bar_and_ends_the_line()
    {
        var writer = new StringWriter();
        var reporter = new ConsoleProgressReporter("squares", writer, barWidth: 10);
        reporter.Report(new MapProgress(5, 0, 10));
        Assert.StartsWith("squares:  50%|█████", reporter.LastLine);
        Assert.Contains("5/10", reporter.LastLine);
        reporter.Report(new MapProgress(9, 1, 10));
        Assert.Contains("100%|██████████| 10/10", reporter.LastLine);
        Assert.Contains("1 failed", reporter.LastLine);
        Assert.EndsWith(Environment.NewLine, writer.ToString());
        reporter.Report(new MapProgress(10, 1, 10));
        Assert.Single(writer.ToString().Split(Environment.NewLine), line => line.Length > 0);
    }

    [Fact]
    public void Console_reporter_shows_count_and_rate_while_the_total_is_unknown()
    {
        var reporter = new ConsoleProgressReporter(writer: new StringWriter());
        reporter.Report(new MapProgress(42, 0, null));
        Assert.StartsWith("42 it [", reporter.LastLine);
        Assert.Contains("it/s", reporter.LastLine);
    }

    [Fact]
    public void Meter_ParallelGen_counts_completed_and_failed_items_and_their_durations()
    {
        var id = "M:Telemetry.Test" + Guid.NewGuid().ToString("N");
        long completed = 0, failed = 0, durations = 0;
        var instruments = new ConcurrentDictionary<string, bool>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ParallelGen")
            {
                instruments[instrument.Name] = true;
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!HasMethod(tags, id))
            {
                return;
            }

            if (instrument.Name == "parallelgen.items.completed")
            {
                Interlocked.Add(ref completed, value);
            }
            else if (instrument.Name == "parallelgen.items.failed")
            {
                Interlocked.Add(ref failed, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "parallelgen.item.duration" && HasMethod(tags, id))
            {
                Interlocked.Increment(ref durations);
            }
        });
        listener.Start();

        Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(new ParallelMethod(id), Enumerable.Range(0, 500).ToArray(), Sync<int, int>(x => x % 50 == 0 ? throw new InvalidOperationException() : x), new MapOptions { ErrorMode = ErrorMode.Collect }, default)));
        listener.RecordObservableInstruments();

        Assert.Equal(490, Interlocked.Read(ref completed));
        Assert.Equal(10, Interlocked.Read(ref failed));
        Assert.True(Interlocked.Read(ref durations) > 0);
        Assert.Contains("parallelgen.workers.busy", instruments.Keys);
        Assert.Contains("parallelgen.items.queued", instruments.Keys);
        Assert.Equal("ParallelGen", ParallelGenTelemetry.Meter.Name);
    }

    [Fact]
    public void ActivitySource_ParallelGen_starts_one_activity_per_map()
    {
        var id = "M:Activity.Test" + Guid.NewGuid().ToString("N");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "ParallelGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("parallelgen.method"), id))
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var caller = new Activity("caller").Start();
        var parents = new ConcurrentDictionary<string, bool>();
        GeneratedSupport.Map(new ParallelMethod(id), Enumerable.Range(0, 1_000).ToArray(), Sync<int, int>(x => { parents[Activity.Current?.OperationName ?? "none"] = true; return x; }), null, default);
        Assert.Same(caller, Activity.Current);

        var activity = Assert.Single(activities);
        Assert.Equal(["ParallelGen.Map"], parents.Keys);
        Assert.Same(caller, activity.Parent);
        Assert.Equal("ParallelGen.Map", activity.OperationName);
        Assert.Equal(1_000L, activity.GetTagItem("parallelgen.items.completed"));
    }

    private static bool HasMethod(ReadOnlySpan<KeyValuePair<string, object?>> tags, string id)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "parallelgen.method" && Equals(tag.Value, id))
            {
                return true;
            }
        }

        return false;
    }
}
