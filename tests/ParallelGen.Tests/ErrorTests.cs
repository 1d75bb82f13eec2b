using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 3 of the runtime issue: exceptions, FailFast, Collect, ItemTimeout, cancellation.</summary>
public class ErrorTests
{
    private sealed class BodyException(string message) : Exception(message);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowingBody(int x) => x == 42 ? throw new BodyException("item 42") : x;

    [Theory]
    [MemberData(nameof(TestSupport.ExecutorKinds), MemberType = typeof(TestSupport))]
    public void A_worker_exception_reaches_the_caller_as_itself_with_its_own_stack(string kind)
    {
        using var _ = Disposer(Create(kind), out var executor);
        var thrown = Assert.Throws<BodyException>(() => Bounded(() =>
            GeneratedSupport.Map(Method(), Enumerable.Range(0, 100).ToArray(), Sync<int, int>(ThrowingBody), new MapOptions { Executor = executor }, default)));
        Assert.Equal("item 42", thrown.Message);
        Assert.Contains(nameof(ThrowingBody), thrown.StackTrace);
    }

    [Fact]
    public async Task An_async_body_exception_reaches_MapAsync_as_itself()
    {
        var thrown = await Assert.ThrowsAsync<BodyException>(() => GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 50), Async<int, int>(async (x, _) =>
        {
            await Task.Yield();
            return ThrowingBody(x);
        }), null, default).Bounded());
        Assert.Contains(nameof(ThrowingBody), thrown.StackTrace);
    }

    [Fact]
    public void FailFast_stops_claiming_and_cancels_running_items()
    {
        var started = 0;
        var cancelledRunning = 0;
        using var othersRunning = new CountdownEvent(3);
        Assert.Throws<BodyException>(() => Bounded(() => GeneratedSupport.Map(Method(), Lazy(1_000_000), Sync<int, int>((x, token) =>
        {
            Interlocked.Increment(ref started);
            if (x == 3)
            {
                othersRunning.Wait(Patience);
                throw new BodyException("boom");
            }

            if (x < 3)
            {
                othersRunning.Signal();
                // Items running beside the failure see their token cancelled.
                if (token.WaitHandle.WaitOne(Patience))
                {
                    Interlocked.Increment(ref cancelledRunning);
                    token.ThrowIfCancellationRequested();
                }
            }

            return x;
        }), new MapOptions { MaxDegreeOfParallelism = 4, ChunkSize = 1 }, default)));
        Assert.True(started < 1_000, $"{started} items started after the failure");
        Assert.True(cancelledRunning >= 1);
    }

    [Fact]
    public void FailFast_reports_the_first_failure_and_not_the_cancellations_it_caused()
    {
        var thrown = Assert.Throws<BodyException>(() => Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 64).ToArray(), Sync<int, int>((x, token) =>
        {
            if (x == 0)
            {
                throw new BodyException("first");
            }

            token.WaitHandle.WaitOne(Patience);
            token.ThrowIfCancellationRequested();
            return x;
        }), new MapOptions { MaxDegreeOfParallelism = 4, ChunkSize = 1 }, default)));
        Assert.Equal("first", thrown.Message);
    }

    [Theory]
    [MemberData(nameof(TestSupport.ExecutorKinds), MemberType = typeof(TestSupport))]
    public void Collect_finishes_every_item_and_reports_each_failure_by_index(string kind)
    {
        using var _ = Disposer(Create(kind), out var executor);
        var ran = new int[500];
        var thrown = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), Lazy(500), Sync<int, int>(x =>
        {
            Interlocked.Increment(ref ran[x]);
            return x % 7 == 0 ? throw new BodyException($"bad {x}") : x * 2;
        }), new MapOptions { Executor = executor, ErrorMode = ErrorMode.Collect }, default)));

        Assert.All(ran, count => Assert.Equal(1, count));
        var expectedIndices = Enumerable.Range(0, 500).Where(x => x % 7 == 0).Select(x => (long)x).ToArray();
        Assert.Equal(expectedIndices, thrown.Failures.Select(f => f.Index));
        Assert.All(thrown.Failures, f => Assert.Equal($"bad {f.Index}", Assert.IsType<BodyException>(f.Exception).Message));
        var results = Assert.IsType<int[]>(thrown.Results);
        Assert.Equal(Enumerable.Range(0, 500).Select(x => x % 7 == 0 ? 0 : x * 2), results);
        Assert.IsType<BodyException>(thrown.InnerException);
    }

    [Fact]
    public async Task Collect_in_AsCompleted_yields_failed_items_with_their_exception()
    {
        var items = await GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, 200), Sync<int, int>(x => x % 10 == 3 ? throw new BodyException($"bad {x}") : x), new MapOptions { ErrorMode = ErrorMode.Collect }, default).ToListBounded();
        Assert.Equal(Enumerable.Range(0, 200).Select(x => (long)x), items.Select(c => c.Index).Order());
        var failed = items.Where(c => !c.Succeeded).ToList();
        Assert.Equal(20, failed.Count);
        Assert.All(failed, c =>
        {
            Assert.Equal(3, c.Index % 10);
            Assert.Equal($"bad {c.Index}", Assert.IsType<BodyException>(c.Exception).Message);
            Assert.Throws<BodyException>(() => c.Result);
        });
        Assert.All(items.Where(c => c.Succeeded), c => Assert.Equal((int)c.Index, c.Result));
    }

    [Fact]
    public async Task FailFast_in_AsCompleted_throws_the_exception_itself()
    {
        await Assert.ThrowsAsync<BodyException>(() => GeneratedSupport.AsCompleted(Method(), TestSupport.Lazy(10_000), Sync<int, int>(ThrowingBody), null, default).ToListBounded());
    }

    [Fact]
    public void ItemTimeout_fails_only_the_late_item_with_TimeoutException_for_a_sync_body()
    {
        var thrown = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 20).ToArray(), Sync<int, int>((x, token) =>
        {
            if (x == 5)
            {
                // Late, but cooperative: it observes its token.
                token.WaitHandle.WaitOne(Patience);
                token.ThrowIfCancellationRequested();
            }

            return x;
        }), new MapOptions { ItemTimeout = TimeSpan.FromMilliseconds(100), ErrorMode = ErrorMode.Collect }, default)));
        var failure = Assert.Single(thrown.Failures);
        Assert.Equal(5, failure.Index);
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Equal(Enumerable.Range(0, 20).Select(x => x == 5 ? 0 : x), (int[])thrown.Results!);
    }

    [Fact]
    public void Collect_over_an_array_leaves_default_in_failed_slots_even_on_reused_memory()
    {
        // The engine does not zero the result array before the map (each item writes its slot); failed slots must
        // still read as default. Dirty the heap first so that reused memory would show through.
        for (var round = 0; round < 4; round++)
        {
            var dirt = new int[200_000];
            System.Array.Fill(dirt, unchecked((int)0xDEADBEEF));
            GC.KeepAlive(dirt);
        }

        GC.Collect();
        var input = Enumerable.Range(0, 200_000).ToArray();
        var thrown = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), input, Sync<int, int>(x =>
            x % 1000 == 7 ? throw new BodyException($"bad {x}") : x + 1), new MapOptions { ErrorMode = ErrorMode.Collect }, default)));

        var results = (int[])thrown.Results!;
        Assert.Equal(200, thrown.Failures.Count);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] != (i % 1000 == 7 ? 0 : i + 1))
            {
                Assert.Fail($"slot {i} holds {results[i]}");
            }
        }
    }

    [Fact]
    public void ItemTimeout_fails_an_uncooperative_late_item_when_it_returns()
    {
        var thrown = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 10).ToArray(), Sync<int, int>(x =>
        {
            if (x == 2)
            {
                Thread.Sleep(150);
            }

            return x;
        }), new MapOptions { ItemTimeout = TimeSpan.FromMilliseconds(50), ErrorMode = ErrorMode.Collect }, default)));
        Assert.Equal(2, Assert.Single(thrown.Failures).Index);
        Assert.IsType<TimeoutException>(thrown.Failures[0].Exception);
    }

    [Fact]
    public async Task ItemTimeout_abandons_a_late_async_item_and_lets_the_rest_run()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var items = await GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, 30), Async<int, int>(async (x, _) =>
            {
                if (x == 7)
                {
                    // Ignores its token: only the timeout can get the map past it.
                    return await release.Task;
                }

                await Task.Yield();
                return x;
            }), new MapOptions { ItemTimeout = TimeSpan.FromMilliseconds(100), ErrorMode = ErrorMode.Collect, MaxDegreeOfParallelism = 3 }, default).ToListBounded();

            Assert.Equal(30, items.Count);
            var late = Assert.Single(items, c => !c.Succeeded);
            Assert.Equal(7, late.Index);
            Assert.IsType<TimeoutException>(late.Exception);
        }
        finally
        {
            release.TrySetResult(-1);
        }
    }

    [Fact]
    public void ItemTimeout_under_FailFast_throws_TimeoutException()
    {
        Assert.Throws<TimeoutException>(() => Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 4).ToArray(), Sync<int, int>((x, token) =>
        {
            token.WaitHandle.WaitOne(Patience);
            token.ThrowIfCancellationRequested();
            return x;
        }), new MapOptions { ItemTimeout = TimeSpan.FromMilliseconds(50) }, default)));
    }

    [Fact]
    public void Cancellation_stops_new_work_promptly_and_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var thrown = Assert.ThrowsAny<OperationCanceledException>(() => Bounded(() => GeneratedSupport.Map(Method(), Lazy(int.MaxValue), Sync<int, int>(x =>
        {
            if (Interlocked.Increment(ref started) == 100)
            {
                cts.Cancel();
            }

            return x;
        }), new MapOptions { MaxDegreeOfParallelism = 2 }, cts.Token)));
        Assert.Equal(cts.Token, thrown.CancellationToken);
        Assert.True(started < 1_000_000);
    }

    [Fact]
    public async Task Cancellation_reaches_async_bodies_and_MapAsync_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var map = GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 100), Async<int, int>(async (x, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return x;
        }), new MapOptions { MaxDegreeOfParallelism = 4 }, cts.Token);
        cts.CancelAfter(50);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => map.Bounded());
    }

    [Fact]
    public async Task Cancelling_an_AsCompleted_enumeration_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var c in GeneratedSupport.AsCompleted(Method(), Lazy(int.MaxValue), Sync<int, int>(x => x), null, default).WithCancellation(cts.Token))
            {
                if (++seen == 1_000)
                {
                    cts.Cancel();
                }
            }
        }).Bounded();
    }

    [Fact]
    public void An_exception_from_the_source_reaches_the_caller_as_itself()
    {
        static System.Collections.Generic.IEnumerable<int> Broken()
        {
            yield return 1;
            yield return 2;
            throw new BodyException("source");
        }

        var thrown = Assert.Throws<BodyException>(() => Bounded(() => GeneratedSupport.Map(Method(), Broken(), Sync<int, int>(x => x), new MapOptions { ErrorMode = ErrorMode.Collect }, default)));
        Assert.Equal("source", thrown.Message);
    }

    private static IDisposable Disposer(IExecutor created, out IExecutor executor)
    {
        executor = created;
        return new Disposal(created);
    }

    private sealed class Disposal(IExecutor executor) : IDisposable
    {
        public void Dispose() => executor.DisposeAsync().AsTask().WaitAsync(Patience).GetAwaiter().GetResult();
    }
}
