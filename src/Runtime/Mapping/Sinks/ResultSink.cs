using System;

namespace ParallelGen.Mapping.Sinks;

/// <summary>
/// Where a map's results go: one subclass per kind of result, chosen once when the map starts (<see cref="For"/>).
/// Workers write through a <see cref="IResultLane{TIn, TOut}"/> of their own.
/// </summary>
internal abstract class ResultSink<TIn, TOut>
{
    /// <summary>Whether failed items travel with the results (streams); otherwise the map collects them.</summary>
    public virtual bool StreamsFailures => false;

    /// <summary>Whether the map returns the results (an array in input order).</summary>
    public virtual bool KeepsResults => false;

    /// <summary>Whether the sink must be told how far the claims reach before results are stored (<see cref="Reserve"/>).</summary>
    public virtual bool NeedsReserve => false;

    /// <summary>The results array of an indexable input, written directly by the hot loop; else <see langword="null"/>.</summary>
    public virtual TOut[]? Direct => null;

    /// <summary>Chooses the sink for a map of <paramref name="source"/> whose results are <paramref name="mode"/>.</summary>
    public static ResultSink<TIn, TOut> For(ResultMode mode, MapSource<TIn> source) => mode switch
    {
        ResultMode.Array when source.IsIndexed => new ArraySink<TIn, TOut>(checked((int)source.Count)),
        ResultMode.Array => new SegmentedArraySink<TIn, TOut>(),
        ResultMode.Stream => new StreamSink<TIn, TOut>(),
        _ => DiscardSink<TIn, TOut>.Instance,
    };

    /// <summary>Makes room for results up to input position <paramref name="upTo"/> (exclusive).</summary>
    public virtual void Reserve(long upTo)
    {
    }

    /// <summary>
    /// A lane for one worker. <paramref name="concurrent"/>: results of one chunk may arrive on several threads at
    /// once (batches run by workers outside the process).
    /// </summary>
    public abstract IResultLane<TIn, TOut> Lane(bool concurrent);

    /// <summary>The results in input order, once every worker has exited (empty for maps without them).</summary>
    public virtual TOut[] Results(long total) => Array.Empty<TOut>();

    /// <summary>Clears the slot of a failed item (results of a map whose items failed are handed out with the exception).</summary>
    public virtual void ClearFailed(long index)
    {
    }

    /// <summary>Every worker has exited.</summary>
    public virtual void Complete()
    {
    }
}

/// <summary>A worker's way into a <see cref="ResultSink{TIn, TOut}"/>.</summary>
internal interface IResultLane<TIn, TOut>
{
    /// <summary>A chunk of <paramref name="count"/> items begins.</summary>
    void Begin(int count);

    /// <summary>Item <paramref name="index"/> finished with <paramref name="result"/>.</summary>
    void Store(long index, TIn input, TOut result);

    /// <summary>Item <paramref name="index"/> failed (only for sinks that <see cref="ResultSink{TIn, TOut}.StreamsFailures"/>).</summary>
    void Failed(long index, TIn input, Exception exception);

    /// <summary>The chunk ended: hand its results on.</summary>
    void Publish();
}
