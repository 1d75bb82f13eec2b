using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Infrastructure.Remote;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests.Remote;

/// <summary>
/// An executor whose round trip is longer than the engine's default batch target (a broker: tens of milliseconds)
/// names a longer target through <see cref="IBatchDurationHint"/>, and batches of tiny items grow past one item with
/// default options (before the hint, such a round trip kept every batch at one item: 735 items/s on the cluster).
/// </summary>
public class BatchDurationHintTests
{
    [Fact]
    public async Task Batches_grow_past_one_item_on_an_executor_with_a_long_round_trip_that_names_a_longer_target()
    {
        await using var executor = new SlowRoundTrip(new FakeBatchExecutor(2), TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(10));
        var items = Enumerable.Range(0, 2_000).ToArray();

        var results = Bounded(() => GeneratedSupport.Map(RemoteMethods.SquareMethod, items, RemoteMethods.SquareBody, new MapOptions { Executor = executor }, default));

        Assert.Equal(items.Select(x => x * x), results);
        var sizes = executor.Inner.BatchSizes;
        Assert.True(sizes.Max() > 1, $"largest batch {sizes.Max()} of {sizes.Count}");
        Assert.True(sizes.Count < items.Length / 4, $"{sizes.Count} batches for {items.Length} items");
    }

    /// <summary>A fake executor whose every batch first pays a round trip, and that names a batch target.</summary>
    private sealed class SlowRoundTrip(FakeBatchExecutor inner, TimeSpan roundTrip, TimeSpan target) : IBatchExecutor, IBatchDurationHint
    {
        public FakeBatchExecutor Inner => inner;

        public int MaxWorkers => inner.MaxWorkers;

        public TimeSpan TargetBatchDuration => target;

        public void EnsureCanRun(RemoteMethod method) => inner.EnsureCanRun(method);

        public async ValueTask RunBatchAsync<TIn, TOut>(RemoteMethod<TIn, TOut> method, object? target, ReadOnlyMemory<TIn> items, IBatchSink<TOut> sink, TimeSpan? itemTimeout, CancellationToken cancellationToken)
        {
            await Task.Delay(roundTrip, CancellationToken.None).ConfigureAwait(false);
            await inner.RunBatchAsync(method, target, items, sink, itemTimeout, cancellationToken).ConfigureAwait(false);
        }

        public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default) => inner.Submit(work, cancellationToken);

        public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) => inner.Map(items, body, options, cancellationToken);

        public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) => inner.AsCompleted(items, body, options, cancellationToken);

        public Task ShutdownAsync(bool cancelPending = false) => inner.ShutdownAsync(cancelPending);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
