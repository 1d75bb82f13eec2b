using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Mapping;
using ParallelGen.Mapping.Claiming;
using ParallelGen.Mapping.Sinks;
using ParallelGen.Mapping.Workers;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Issue 10, point 2: each part of the map engine on its own, without threads or clocks.</summary>
public class EnginePartsTests
{
    [Fact]
    public void The_chunk_sizer_grows_at_most_32x_a_step_shrinks_at_once_and_obeys_fixed_sizes_and_caps()
    {
        var sizer = new ChunkSizer(0, targetTicks: 1_000, cap: int.MaxValue);
        Assert.Equal(32, sizer.Next(1, done: 1, elapsedTicks: 1));
        Assert.Equal(10, sizer.Next(1_000, done: 1_000, elapsedTicks: 100_000));
        Assert.Equal(1, sizer.Next(8, done: 8, elapsedTicks: 1_000_000));
        Assert.Equal(Chunk<int>.MaxSize, sizer.Next(Chunk<int>.MaxSize, done: Chunk<int>.MaxSize, elapsedTicks: 0));
        Assert.Equal(5, sizer.Next(5, done: 0, elapsedTicks: 10));

        var fixedSize = new ChunkSizer(7, targetTicks: 1_000, cap: int.MaxValue);
        Assert.Equal(7, fixedSize.Wanted(1));
        Assert.Equal(1, fixedSize.Next(1, done: 7, elapsedTicks: 1));

        var streaming = new ChunkSizer(0, targetTicks: 1_000, cap: ChunkSizer.StreamingCap(window: 1_024, degree: 4));
        Assert.Equal(64, streaming.Wanted(10_000));
    }

    [Fact]
    public void A_streaming_indexed_source_claims_in_order_within_the_window_and_opens_as_the_consumer_takes()
    {
        var window = new ClaimWindow(10);
        var source = new IndexedWindowSource<int>(100, window);
        var chunk = new Chunk<int>(fromBack: false);

        Assert.Equal(ClaimResult.Claimed, source.Claim(chunk, 6));
        Assert.Equal((0L, 6), (chunk.Start, chunk.Count));
        Assert.Equal(ClaimResult.Claimed, source.Claim(chunk, 6));
        Assert.Equal((6L, 4), (chunk.Start, chunk.Count));
        Assert.Equal(ClaimResult.WindowFull, source.Claim(chunk, 6));
        Assert.False(source.WindowHasRoom);

        window.Consumed(5);
        Assert.True(source.WindowHasRoom);
        Assert.Equal(ClaimResult.Claimed, source.Claim(chunk, 6));
        Assert.Equal((10L, 5), (chunk.Start, chunk.Count));
    }

    [Fact]
    public void The_indexed_range_claims_from_both_ends_a_share_at_a_time()
    {
        var source = new IndexedRangeSource<int>(100, guidedShare: 4);
        var front = new Chunk<int>(fromBack: false);
        var back = new Chunk<int>(fromBack: true);

        Assert.Equal(ClaimResult.Claimed, source.Claim(back, 50));
        Assert.Equal((75L, 25), (back.Start, back.Count));
        Assert.Equal(ClaimResult.Claimed, source.Claim(front, 3));
        Assert.Equal((0L, 3), (front.Start, front.Count));
        Assert.Equal(100, source.Total);
        Assert.True(source.HasUnclaimed);
    }

    [Fact]
    public void A_lazy_source_reads_only_what_is_claimed_and_learns_its_length_when_it_ends()
    {
        var pulled = 0;
        IEnumerable<int> Items()
        {
            for (var i = 0; i < 10; i++)
            {
                pulled++;
                yield return i;
            }
        }

        var source = new EnumeratedSource<int>(Items(), window: null);
        source.Open(default);
        var chunk = new Chunk<int>(fromBack: false);

        Assert.Equal(ClaimResult.Claimed, source.Claim(chunk, 4));
        Assert.Equal(4, pulled);
        Assert.Equal(new[] { 0, 1, 2, 3 }, chunk.Items!.Take(chunk.Count));
        Assert.Equal(-1, source.Total);

        Assert.Equal(ClaimResult.Claimed, source.Claim(chunk, 100));
        Assert.Equal((4L, 6), (chunk.Start, chunk.Count));
        Assert.Equal(10, source.Total);
        Assert.False(source.HasUnclaimed);
        Assert.Equal(ClaimResult.Exhausted, source.Claim(chunk, 1));
    }

    [Fact]
    public void The_read_ahead_source_hands_the_last_items_out_from_the_back_once_the_input_ends()
    {
        var source = new ReadAheadSource<int>(Enumerable.Range(0, 40).Where(_ => true), guidedShare: 2);
        source.Open(default);
        var front = new Chunk<int>(fromBack: false);
        var back = new Chunk<int>(fromBack: true);

        Assert.Equal(ClaimResult.Claimed, source.Claim(front, 8));
        Assert.Equal((0L, 8), (front.Start, front.Count));

        // Read ahead to the end (40 items fit the read-ahead): the back worker now starts at the input's end.
        while (source.Total < 0)
        {
            Assert.Equal(ClaimResult.Claimed, source.Claim(front, 8));
        }

        Assert.Equal(ClaimResult.Claimed, source.Claim(back, 4));
        Assert.Equal(39L, back.Start + back.Count - 1);
        Assert.Equal(39, back.Items![back.Count - 1]);
    }

    [Fact]
    public async Task An_async_stream_is_claimed_only_asynchronously()
    {
        var source = new AsyncStreamSource<int>(LazyAsync(5), window: null);
        source.Open(default);
        var chunk = new Chunk<int>(fromBack: false);
        Assert.True(source.IsAsync);
        Assert.Throws<InvalidOperationException>(() => source.Claim(chunk, 1));

        var seen = new List<int>();
        while (await source.ClaimAsync(chunk, 10) == ClaimResult.Claimed)
        {
            seen.AddRange(chunk.Items!.Take(chunk.Count));
        }

        Assert.Equal(Enumerable.Range(0, 5), seen);
        Assert.Equal(5, source.Total);
        await source.DisposeAsync();
    }

    [Fact]
    public void A_handed_back_rest_is_claimed_half_at_a_time_with_its_own_copy_of_the_items()
    {
        var returned = new ReturnedChunks<int>();
        var owner = new Chunk<int>(fromBack: false);
        var buffer = owner.Buffer(10);
        for (var i = 0; i < 10; i++)
        {
            buffer[i] = 100 + i;
        }

        owner.Set(50, 10, buffer, 0);
        returned.Return(owner, from: 2);
        buffer[5] = -1; // the owner reuses its buffer

        var taker = new Chunk<int>(fromBack: false);
        Assert.True(returned.TryClaim(taker, 100));
        Assert.Equal((52L, 4), (taker.Start, taker.Count));
        Assert.Equal(new[] { 102, 103, 104, 105 }, taker.Items!.Skip(taker.Offset).Take(taker.Count));
        Assert.True(returned.TryClaim(taker, 100));
        Assert.Equal((56L, 2), (taker.Start, taker.Count));
        Assert.Equal(1, returned.Count);
    }

    [Fact]
    public void The_segmented_sink_holds_results_of_an_input_of_unknown_length()
    {
        var sink = (SegmentedArraySink<int, long>)ResultSink<int, long>.For(ResultMode.Array, MapSource<int>.From(Lazy(1)));
        var lane = sink.Lane(concurrent: false);
        sink.Reserve(40_000);
        lane.Store(0, 0, 7);
        lane.Store(39_999, 0, 9);

        var results = sink.Results(40_000);
        Assert.Equal(40_000, results.Length);
        Assert.Equal((7L, 9L), (results[0], results[^1]));
        Assert.True(sink.KeepsResults);
    }

    [Fact]
    public void The_stream_sink_hands_over_each_chunk_in_one_write_failures_included()
    {
        var sink = (StreamSink<int, int>)ResultSink<int, int>.For(ResultMode.Stream, MapSource<int>.From(new[] { 1, 2, 3 }));
        foreach (var concurrent in new[] { false, true })
        {
            var lane = sink.Lane(concurrent);
            lane.Begin(3);
            lane.Store(0, 1, 10);
            lane.Failed(1, 2, new InvalidOperationException());
            lane.Publish();
            Assert.True(sink.Reader.TryRead(out var batch));
            Assert.Equal(2, batch.Count);
            Assert.Equal(10, batch[0].Result);
            Assert.IsType<InvalidOperationException>(batch[1].Exception);
        }

        Assert.True(sink.StreamsFailures);
        sink.Complete();
        Assert.True(sink.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Caller_first_runs_the_last_worker_on_the_caller_and_posts_the_helpers_once()
    {
        var dispatch = new FakeDispatch(4, inline: true);
        var policy = new HelperPolicy.CallerFirst(dispatch, System.Threading.Timeout.Infinite);
        policy.Start();
        Assert.Equal([3], dispatch.Inline);
        Assert.True(policy.Pending);
        Assert.Empty(dispatch.Dispatched);

        policy.PostHelpers();
        policy.PostHelpers();
        Assert.Equal([(0, 2, false)], dispatch.Dispatched);
        Assert.False(policy.Pending);
        policy.Cancel();
    }

    [Fact]
    public void Caller_first_dispatches_everything_when_the_caller_may_not_join_and_no_helpers_when_no_work_is_left()
    {
        var refused = new FakeDispatch(3, inline: false);
        var policy = new HelperPolicy.CallerFirst(refused, System.Threading.Timeout.Infinite);
        policy.Start();
        Assert.Equal([(2, 2, true), (0, 1, false)], refused.Dispatched);

        var finished = new FakeDispatch(3, inline: true) { WorthHelping = false };
        var idle = new HelperPolicy.CallerFirst(finished, System.Threading.Timeout.Infinite);
        idle.Start();
        idle.PostHelpers();
        Assert.Empty(finished.Dispatched);

        var all = new FakeDispatch(5, inline: true);
        new HelperPolicy.AllAtOnce(all).Start();
        Assert.Equal([(0, 4, true)], all.Dispatched);
        Assert.Empty(all.Inline);
    }

    private sealed class FakeDispatch(int workers, bool inline) : IWorkerDispatch
    {
        public List<(int From, int To, bool First)> Dispatched { get; } = [];

        public List<int> Inline { get; } = [];

        public int WorkerCount => workers;

        public bool WorthHelping { get; init; } = true;

        public void Dispatch(int from, int to, bool first)
        {
            lock (Dispatched)
            {
                Dispatched.Add((from, to, first));
            }
        }

        public bool TryRunInline(int index)
        {
            if (inline)
            {
                Inline.Add(index);
            }

            return inline;
        }
    }
}
