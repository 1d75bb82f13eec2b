using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class EndToEndTests
{
    [Fact(Timeout = 120_000)]
    public async Task RunBatchAsync_returns_every_result_from_worker_processes()
    {
        await using var pool = new ProcessPoolExecutor(2);
        var items = Enumerable.Range(0, 5000).ToArray();
        var batches = items.Chunk(250).Select(chunk => PoolHarness.RunAsync(pool, TestMethods.Square, chunk)).ToArray();
        var sinks = await Task.WhenAll(batches);
        for (var b = 0; b < sinks.Length; b++)
        {
            for (var i = 0; i < 250; i++)
            {
                var x = (long)(b * 250 + i);
                Assert.Equal(x * x, sinks[b].Result(i));
            }
        }

        // The second worker may still be starting when the first has done everything (a loaded machine); none is replaced.
        Assert.InRange(pool.WorkersStarted, 1, 2);
    }

    [Fact(Timeout = 120_000)]
    public async Task Items_run_in_other_processes_and_the_pool_can_be_prestarted()
    {
        await using var pool = new ProcessPoolExecutor(2);
        await pool.StartAsync();
        Assert.Equal(2, pool.WorkerProcessIds.Count);
        var sink = await PoolHarness.BehaveAsync(pool, Enumerable.Repeat("pid", 20).ToArray());
        var pids = Enumerable.Range(0, 20).Select(i => int.Parse(sink.Result(i)!)).ToHashSet();
        Assert.DoesNotContain(Environment.ProcessId, pids);
        Assert.Subset(pool.WorkerProcessIds.ToHashSet(), pids);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_instance_method_runs_on_a_copy_of_its_instance()
    {
        await using var pool = new ProcessPoolExecutor(1);
        var sink = new CollectingSink<int>(3);
        await pool.RunBatchAsync(TestMethods.AddOffset, new Adder(100), new[] { 1, 2, 3 }, sink, null, default).AsTask().WaitAsync(PoolHarness.Bound);
        Assert.Equal(new[] { 101, 102, 103 }, new[] { sink.Result(0), sink.Result(1), sink.Result(2) });
        await Assert.ThrowsAsync<ArgumentNullException>(() => pool.RunBatchAsync(TestMethods.AddOffset, null, new[] { 1 }, sink, null, default).AsTask());
    }

    [Fact(Timeout = 60_000)]
    public async Task Methods_that_cannot_cross_or_are_not_registered_fail_before_any_worker_starts()
    {
        await using var pool = new ProcessPoolExecutor(1);
        var cannot = Assert.Throws<NotSupportedException>(() => pool.EnsureCanRun(new UnregisteredMethod("M:Tests.Open(System.IO.Stream)", "its parameter 'stream' is a System.IO.Stream")));
        Assert.Contains("System.IO.Stream", cannot.Message);
        Assert.Throws<NotSupportedException>(() => pool.EnsureCanRun(new UnregisteredMethod("M:Tests.Nowhere", null)));
        Assert.Equal(0, pool.WorkersStarted);
    }

    private sealed class UnregisteredMethod(string id, string? reason) : ParallelGen.Infrastructure.Remote.RemoteMethod<int, int>(id, reason)
    {
        public override bool HasTarget => false;

        public override object? ReadTarget(ParallelGen.WireReader reader) => null;

        public override void WriteTarget(ParallelGen.WireWriter writer, object target)
        {
        }

        public override void WriteArguments(ParallelGen.WireWriter writer, int item) => writer.WriteInt32(item);

        public override int ReadResult(ParallelGen.WireReader reader) => reader.ReadInt32();

        public override ValueTask InvokeAsync(object? target, ParallelGen.WireReader arguments, ParallelGen.WireWriter result, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }

    [Fact(Timeout = 60_000)]
    public async Task Delegates_cannot_cross_and_say_what_to_call_instead()
    {
        await using var pool = new ProcessPoolExecutor(1);
        var map = Assert.Throws<NotSupportedException>(() => pool.Map(new[] { 1 }, x => x));
        Assert.Contains("XMap", map.Message);
        Assert.Throws<NotSupportedException>(() => pool.Submit(_ => ValueTask.FromResult(1)));
        Assert.Equal(0, pool.WorkersStarted);
    }

    [Fact(Timeout = 120_000)]
    public async Task Cancellation_stops_the_running_item_and_fails_the_unstarted_ones()
    {
        await using var pool = new ProcessPoolExecutor(1);
        await pool.StartAsync();
        using var cts = new CancellationTokenSource();
        var sink = new CollectingSink<string>(3);
        var run = pool.RunBatchAsync(TestMethods.Behave, null, new[] { "sleep:60000", "ok:1", "ok:2" }, sink, null, cts.Token).AsTask();
        await Task.Delay(500);
        cts.Cancel();
        await run.WaitAsync(PoolHarness.Bound);
        sink.AssertEachOnce();
        Assert.All(Enumerable.Range(0, 3), i => Assert.IsAssignableFrom<OperationCanceledException>(sink.Error(i)));
        var after = await PoolHarness.BehaveAsync(pool, "ok:after");
        Assert.Equal("after", after.Result(0));
        Assert.Equal(1, pool.WorkersStarted);
    }

    [Fact(Timeout = 60_000)]
    public async Task Shut_down_pool_refuses_work()
    {
        var pool = new ProcessPoolExecutor(1);
        await PoolHarness.BehaveAsync(pool, "ok:1");
        var pid = pool.WorkerProcessIds.Single();
        await pool.ShutdownAsync();
        Assert.False(PoolHarness.IsAlive(pid));
        await Assert.ThrowsAsync<InvalidOperationException>(() => PoolHarness.BehaveAsync(pool, "ok:2"));
    }
}
