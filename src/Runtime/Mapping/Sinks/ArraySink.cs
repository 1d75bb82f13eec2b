using System;

namespace ParallelGen.Mapping.Sinks;

/// <summary>
/// Results of an indexable input, in one array of its length. Every slot is written by its item (failed items' slots
/// are cleared at the end), so the array is not zeroed first: a large result array's pages are then first touched by
/// the workers, in parallel, instead of by one thread before the map starts.
/// </summary>
internal sealed class ArraySink<TIn, TOut>(int count) : ResultSink<TIn, TOut>, IResultLane<TIn, TOut>
{
    private readonly TOut[] _results = count == 0 ? Array.Empty<TOut>() : GC.AllocateUninitializedArray<TOut>(count);

    /// <inheritdoc/>
    public override TOut[]? Direct => _results;

    /// <inheritdoc/>
    public override bool KeepsResults => true;

    /// <inheritdoc/>
    public override IResultLane<TIn, TOut> Lane(bool concurrent) => this;

    /// <inheritdoc/>
    public override TOut[] Results(long total) => _results;

    /// <inheritdoc/>
    public override void ClearFailed(long index) => _results[index] = default!;

    /// <inheritdoc/>
    public void Begin(int count)
    {
    }

    /// <inheritdoc/>
    public void Store(long index, TIn input, TOut result) => _results[index] = result;

    /// <inheritdoc/>
    public void Failed(long index, TIn input, Exception exception)
    {
    }

    /// <inheritdoc/>
    public void Publish()
    {
    }
}
