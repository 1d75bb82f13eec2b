using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;

namespace ParallelGen;

/// <summary>
/// The runtime's instrumentation: a <see cref="System.Diagnostics.Metrics.Meter"/> and an
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="Name"/>, visible to <c>dotnet-counters</c>
/// (<c>dotnet-counters monitor --counters ParallelGen</c>) and to OpenTelemetry (<c>AddMeter("ParallelGen")</c>,
/// <c>AddSource("ParallelGen")</c>).
/// </summary>
/// <remarks>
/// Instruments: <c>parallelgen.items.completed</c> and <c>parallelgen.items.failed</c> (counters of work items),
/// <c>parallelgen.item.duration</c> (histogram, seconds; for batched tiny items the batch's mean per item),
/// <c>parallelgen.workers.busy</c> (workers running work now) and <c>parallelgen.items.queued</c> (work submitted to an
/// executor and not started). Every map starts one activity, <c>ParallelGen.Map</c>; items get none.
/// </remarks>
public static class ParallelGenTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ParallelGen</c>.</summary>
    public const string Name = "ParallelGen";

    private static long s_busyWorkers;
    private static long s_queued;

    /// <summary>The meter named <c>ParallelGen</c>.</summary>
    public static Meter Meter { get; } = new(Name, typeof(ParallelGenTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The activity source named <c>ParallelGen</c>; one activity per map.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(ParallelGenTelemetry).Assembly.GetName().Version?.ToString());

    internal static Counter<long> ItemsCompleted { get; } = Meter.CreateCounter<long>("parallelgen.items.completed", "{item}", "Work items that finished successfully.");

    internal static Counter<long> ItemsFailed { get; } = Meter.CreateCounter<long>("parallelgen.items.failed", "{item}", "Work items that threw or timed out.");

    internal static Histogram<double> ItemDuration { get; } = Meter.CreateHistogram<double>("parallelgen.item.duration", "s", "How long a work item ran (for batched tiny items, the batch's mean per item).");

    internal static ObservableUpDownCounter<long> BusyWorkers { get; } = Meter.CreateObservableUpDownCounter("parallelgen.workers.busy", static () => Volatile.Read(ref s_busyWorkers), "{worker}", "Workers running work now.");

    internal static ObservableUpDownCounter<long> QueuedItems { get; } = Meter.CreateObservableUpDownCounter("parallelgen.items.queued", static () => Volatile.Read(ref s_queued), "{item}", "Work submitted to an executor that has not started.");

    internal static void WorkerStarted() => Interlocked.Increment(ref s_busyWorkers);

    internal static void WorkerStopped() => Interlocked.Decrement(ref s_busyWorkers);

    internal static void Queued() => Interlocked.Increment(ref s_queued);

    internal static void Dequeued() => Interlocked.Decrement(ref s_queued);

    internal static void RecordItems(long succeeded, long failed, double seconds, KeyValuePair<string, object?> method)
    {
        if (succeeded > 0 && ItemsCompleted.Enabled)
        {
            ItemsCompleted.Add(succeeded, method);
        }

        if (failed > 0 && ItemsFailed.Enabled)
        {
            ItemsFailed.Add(failed, method);
        }

        var count = succeeded + failed;
        if (count > 0 && ItemDuration.Enabled)
        {
            ItemDuration.Record(seconds / count, method);
        }
    }
}
