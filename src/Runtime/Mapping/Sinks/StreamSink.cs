using System;
using System.Threading;
using System.Threading.Channels;

namespace ParallelGen.Mapping.Sinks;

/// <summary>
/// Results streamed to the consumer as <see cref="Completed{TIn, TOut}"/>, failures included: each worker gathers
/// its chunk's finished items and hands them over in one channel write at the chunk's end.
/// </summary>
internal sealed class StreamSink<TIn, TOut> : ResultSink<TIn, TOut>
{
    private readonly Channel<ArraySegment<Completed<TIn, TOut>>> _channel =
        Channel.CreateUnbounded<ArraySegment<Completed<TIn, TOut>>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    /// <summary>Where the consumer reads the finished items, a chunk at a time.</summary>
    public ChannelReader<ArraySegment<Completed<TIn, TOut>>> Reader => _channel.Reader;

    /// <inheritdoc/>
    public override bool StreamsFailures => true;

    /// <inheritdoc/>
    public override IResultLane<TIn, TOut> Lane(bool concurrent) => concurrent ? new ConcurrentLane(_channel.Writer) : new SequentialLane(_channel.Writer);

    /// <inheritdoc/>
    public override void Complete() => _channel.Writer.TryComplete();

    /// <summary>A thread worker's lane: its items arrive one after another.</summary>
    private sealed class SequentialLane(ChannelWriter<ArraySegment<Completed<TIn, TOut>>> writer) : IResultLane<TIn, TOut>
    {
        private Completed<TIn, TOut>[]? _batch;
        private int _count;

        public void Begin(int count)
        {
            _batch = new Completed<TIn, TOut>[count];
            _count = 0;
        }

        public void Store(long index, TIn input, TOut result) => _batch![_count++] = new(index, input, result, null);

        public void Failed(long index, TIn input, Exception exception) => _batch![_count++] = new(index, input, default!, exception);

        public void Publish()
        {
            if (_batch is { } batch && _count > 0)
            {
                writer.TryWrite(new ArraySegment<Completed<TIn, TOut>>(batch, 0, _count));
            }

            _batch = null;
            _count = 0;
        }
    }

    /// <summary>A batch worker's lane: the items of a batch arrive from whichever threads read the workers' replies.</summary>
    private sealed class ConcurrentLane(ChannelWriter<ArraySegment<Completed<TIn, TOut>>> writer) : IResultLane<TIn, TOut>
    {
        private Completed<TIn, TOut>[]? _batch;
        private int _count;

        public void Begin(int count)
        {
            _batch = new Completed<TIn, TOut>[count];
            _count = 0;
        }

        public void Store(long index, TIn input, TOut result) => _batch![Interlocked.Increment(ref _count) - 1] = new(index, input, result, null);

        public void Failed(long index, TIn input, Exception exception) => _batch![Interlocked.Increment(ref _count) - 1] = new(index, input, default!, exception);

        public void Publish()
        {
            var count = Volatile.Read(ref _count);
            if (_batch is { } batch && count > 0)
            {
                writer.TryWrite(new ArraySegment<Completed<TIn, TOut>>(batch, 0, count));
            }

            _batch = null;
            _count = 0;
        }
    }
}
