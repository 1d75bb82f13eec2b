using System;

namespace ParallelGen.Mapping.Sinks;

/// <summary>Results of a method without one: dropped.</summary>
internal sealed class DiscardSink<TIn, TOut> : ResultSink<TIn, TOut>, IResultLane<TIn, TOut>
{
    /// <summary>The one instance (it holds nothing).</summary>
    public static readonly DiscardSink<TIn, TOut> Instance = new();

    /// <inheritdoc/>
    public override IResultLane<TIn, TOut> Lane(bool concurrent) => this;

    /// <inheritdoc/>
    public void Begin(int count)
    {
    }

    /// <inheritdoc/>
    public void Store(long index, TIn input, TOut result)
    {
    }

    /// <inheritdoc/>
    public void Failed(long index, TIn input, Exception exception)
    {
    }

    /// <inheritdoc/>
    public void Publish()
    {
    }
}
