using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 1 of the runtime issue: the executors themselves.</summary>
public class ExecutorTests
{
    [ThreadStatic]
    private static string? s_workerState;

    private static readonly AsyncLocal<string?> s_posterContext = new();

    [Theory]
    [InlineData("thread pool")]
    [InlineData("worker pool")]
    public async Task Work_runs_in_the_execution_context_of_whoever_submitted_it(string kind)
    {
        // A worker that is already draining the queue (started by the first submitter) must not lend its own
        // AsyncLocal values (Activity.Current, culture, ...) to the next submitter's work.
        IExecutor executor = kind == "thread pool" ? new ThreadPoolExecutor(1) : new WorkerPool(1);
        await using (executor)
        {
            using var gate = new ManualResetEventSlim();
            s_posterContext.Value = "first";
            var first = executor.Submit(_ =>
            {
                gate.Wait(TimeSpan.FromSeconds(10));
                return new ValueTask<string?>(s_posterContext.Value);
            });
            s_posterContext.Value = "second";
            var second = executor.Submit(_ => new ValueTask<string?>(s_posterContext.Value));
            s_posterContext.Value = null;
            gate.Set();

            Assert.Equal("first", await first.Task.Bounded());
            Assert.Equal("second", await second.Task.Bounded());
        }
    }

    [Fact]
    public async Task WorkerPool_runs_the_initializer_once_per_worker_thread_before_its_items()
    {
        var initialized = new ConcurrentBag<int>();
        var pool = new WorkerPool(3, () =>
        {
            initialized.Add(Environment.CurrentManagedThreadId);
            s_workerState = "ready";
        });
        await using (pool)
        {
            var states = Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 300).ToArray(), Sync<int, (int Thread, string? State)>(_ => (Environment.CurrentManagedThreadId, s_workerState)), new MapOptions { Executor = pool }, default));
            var submitted = await pool.Submit(_ => new ValueTask<string?>(s_workerState)).Task.Bounded();

            Assert.All(states, s => Assert.Equal("ready", s.State));
            Assert.Equal("ready", submitted);
            Assert.Equal(initialized.Count, initialized.Distinct().Count());
            Assert.Subset(initialized.ToHashSet(), states.Select(s => s.Thread).ToHashSet());
            Assert.InRange(initialized.Count, 1, 3);
        }
    }

    [Fact]
    public async Task WorkerPool_replaces_a_worker_after_maxTasksPerWorker_items()
    {
        // Keyed by the Thread object: a managed thread id may be reused once a recycled worker has exited.
        var perThread = new ConcurrentDictionary<Thread, int>();
        var initializations = 0;
        var pool = new WorkerPool(2, () => Interlocked.Increment(ref initializations), maxTasksPerWorker: 5);
        await using (pool)
        {
            var futures = Enumerable.Range(0, 23).Select(i => pool.Submit(_ => { perThread.AddOrUpdate(Thread.CurrentThread, 1, (_, n) => n + 1); return new ValueTask<int>(i); })).ToList();
            Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 37).ToArray(), Sync<int, int>(x => { perThread.AddOrUpdate(Thread.CurrentThread, 1, (_, n) => n + 1); return x; }), new MapOptions { Executor = pool }, default));
            await Task.WhenAll(futures.Select(f => f.Task)).Bounded();
        }

        Assert.Equal(60, perThread.Values.Sum());
        Assert.All(perThread.Values, n => Assert.InRange(n, 1, 5));
        Assert.True(pool.ThreadsStarted >= 12, $"{pool.ThreadsStarted} threads for 60 items at 5 per worker");
        Assert.Equal(pool.ThreadsStarted, initializations);
    }

    [Fact]
    public async Task WorkerPool_runs_items_on_its_own_threads_not_the_thread_pool()
    {
        await using var pool = new WorkerPool(2);
        var onPoolThread = await pool.Submit(_ => new ValueTask<bool>(Thread.CurrentThread.IsThreadPoolThread)).Task.Bounded();
        Assert.False(onPoolThread);
    }

    [Fact]
    public async Task WorkerPool_awaits_async_bodies_on_its_workers_within_its_width()
    {
        await using var pool = new WorkerPool(2);
        var probe = new ConcurrencyProbe();
        var results = await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 20), Async<int, int>(async (x, _) =>
        {
            using (probe.Enter())
            {
                await Task.Delay(2);
            }

            return x;
        }), new MapOptions { Executor = pool, MaxDegreeOfParallelism = 8 }, default).Bounded();
        Assert.Equal(Enumerable.Range(0, 20), results);
        Assert.InRange(probe.Max, 1, 2);
    }

    [Fact]
    public void WorkerPool_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerPool(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerPool(1, maxTasksPerWorker: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThreadPoolExecutor(0));
    }

    [Fact]
    public void Inline_Submit_runs_before_it_returns_on_the_caller()
    {
        var caller = Environment.CurrentManagedThreadId;
        var future = InlineExecutor.Instance.Submit(_ => new ValueTask<int>(Environment.CurrentManagedThreadId));
        Assert.True(future.IsCompleted);
        Assert.Equal(caller, future.GetResult(TimeSpan.Zero));
    }

    [Fact]
    public async Task ThreadPoolExecutor_runs_blocking_submits_side_by_side_up_to_its_width()
    {
        // Four blocking calls on a width-4 executor must all be running at once, however small the thread pool starts.
        await using var executor = new ThreadPoolExecutor(4);
        using var barrier = new Barrier(4);
        var futures = Enumerable.Range(0, 4).Select(_ => GeneratedSupport.Submit(Method(), 0, Sync<int, bool>(_ => barrier.SignalAndWait(Patience)), executor, default)).ToList();
        var results = await Task.WhenAll(futures.Select(f => f.Task)).Bounded();
        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Default_executor_is_a_thread_pool_executor_as_wide_as_the_machine()
    {
        var fresh = new ThreadPoolExecutor();
        Assert.Equal(Environment.ProcessorCount, fresh.MaxWorkers);
        Assert.Throws<ArgumentNullException>(() => Executors.Default = null!);
    }
}

public class NestedMapTests
{
    [Theory]
    [InlineData("threadpool-2")]
    [InlineData("workerpool-3")]
    public async Task A_map_inside_every_worker_of_a_full_executor_does_not_deadlock(string kind)
    {
        await using var executor = Create(kind);
        var options = new MapOptions { Executor = executor };
        var sums = Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 6).ToArray(), Sync<int, int>(x =>
            GeneratedSupport.Map(Method(), Enumerable.Range(0, 100).ToArray(), Sync<int, int>(y => x + y), options, default).Sum()), options, default));
        Assert.Equal(Enumerable.Range(0, 6).Select(x => Enumerable.Range(0, 100).Sum() + 100 * x), sums);
    }

    [Fact]
    public async Task Items_of_a_worker_whose_initializer_threw_fail_with_that_exception()
    {
        await using var pool = new WorkerPool(1, () => throw new FormatException("bad init"));
        var future = pool.Submit(_ => new ValueTask<int>(1));
        var thrown = await Assert.ThrowsAsync<FormatException>(() => future.Task.Bounded());
        Assert.Equal("bad init", thrown.Message);
        Assert.Throws<FormatException>(() => Bounded(() => GeneratedSupport.Map(Method(), new[] { 1, 2 }, Sync<int, int>(x => x), new MapOptions { Executor = pool }, default)));
    }
}

public class WorkerPoolWidthTests
{
    [Fact]
    public async Task WorkerPool_runs_items_submitted_together_side_by_side_after_its_workers_went_idle()
    {
        await using var pool = new WorkerPool(3);

        // One worker starts and goes idle; then three items that can only finish together must get three workers.
        await pool.Submit(_ => new ValueTask<int>(0)).Task.Bounded();
        using var barrier = new Barrier(3);
        for (var round = 0; round < 5; round++)
        {
            var futures = Enumerable.Range(0, 3).Select(_ => pool.Submit(_ => new ValueTask<bool>(barrier.SignalAndWait(Patience)))).ToList();
            var results = await Task.WhenAll(futures.Select(f => f.Task)).Bounded();
            Assert.All(results, Assert.True);
        }
    }
}
