using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen;
using ParallelGen.Infrastructure.Remote;

namespace ProcessPoolTransport;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var reps = quick ? 3 : 7;
        Console.WriteLine($"ProcessPoolExecutor transport benchmark ({Environment.ProcessorCount} cores, {reps} repetitions, medians)");

        var ready = new List<double>();
        for (var r = 0; r < reps; r++)
        {
            var sw = Stopwatch.StartNew();
            await using var pool = new ProcessPoolExecutor(2);
            await pool.StartAsync();
            ready.Add(sw.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"pool of 2 ready after creation: {Median(ready):0.0} ms");

        await using (var pool = new ProcessPoolExecutor(2))
        {
            await pool.StartAsync();
            foreach (var batch in new[] { 1, 16, 256, 4096 })
            {
                var total = batch switch { 1 => quick ? 4_000 : 20_000, 16 => quick ? 40_000 : 200_000, _ => quick ? 400_000 : 2_000_000 };
                var samples = new List<double>();
                for (var r = 0; r < reps; r++)
                {
                    samples.Add(await NoOpAsync(pool, batch, total) * 1e9 / total);
                }

                Console.WriteLine($"no-op items, batch {batch,4}: {Median(samples),9:0} ns per item");
            }
        }

        var crash = new List<double>();
        await using (var pool = new ProcessPoolExecutor(1))
        {
            for (var r = 0; r < reps; r++)
            {
                await pool.StartAsync();
                var pid = pool.WorkerProcessIds.Single();
                var sink = new Sink();
                var run = pool.RunBatchAsync(Methods.Sleep, null, new[] { 60_000 }, sink, null, default).AsTask();
                await Task.Delay(300);
                var killed = Stopwatch.GetTimestamp();
                Process.GetProcessById(pid).Kill();
                await run;
                crash.Add(Stopwatch.GetElapsedTime(killed, sink.FailedAt).TotalMilliseconds);
            }
        }

        Console.WriteLine($"crash detected after SIGKILL: {Median(crash):0.0} ms");

        var orphans = new List<double>();
        await using (var pool = new ProcessPoolExecutor(1))
        {
            for (var r = 0; r < reps; r++)
            {
                // The parent under test is a worker that starts a pool of its own; it is SIGKILLed, its worker must go.
                var sink = new Sink();
                await pool.RunBatchAsync(Methods.NestedPool, null, new[] { 1 }, sink, null, default);
                var parent = pool.WorkerProcessIds.Single();
                var grandchild = sink.LastResult;
                var killed = Stopwatch.GetTimestamp();
                Process.GetProcessById(parent).Kill();
                while (IsAlive(grandchild) && Stopwatch.GetElapsedTime(killed).TotalSeconds < 10)
                {
                    Thread.Sleep(1);
                }

                orphans.Add(Stopwatch.GetElapsedTime(killed).TotalMilliseconds);
            }
        }

        Console.WriteLine($"worker gone after its parent was SIGKILLed: {Median(orphans):0.0} ms");
        return 0;
    }

    private static async Task<double> NoOpAsync(ProcessPoolExecutor pool, int batch, int total)
    {
        var items = Enumerable.Range(0, batch).ToArray();
        var sink = new Sink();
        var sw = Stopwatch.StartNew();
        var outstanding = new Queue<Task>();
        for (var sent = 0; sent < total; sent += batch)
        {
            if (outstanding.Count >= 4)
            {
                await outstanding.Dequeue();
            }

            outstanding.Enqueue(pool.RunBatchAsync(Methods.Noop, null, items, sink, null, default).AsTask());
        }

        await Task.WhenAll(outstanding);
        return sw.Elapsed.TotalSeconds;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = System.IO.File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (System.IO.IOException)
        {
            return false;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}

internal sealed class Sink : IBatchSink<int>
{
    public long FailedAt { get; private set; }

    public int LastResult { get; private set; }

    public void OnResult(int index, int result) => LastResult = result;

    public void OnError(int index, Exception error) => FailedAt = Stopwatch.GetTimestamp();
}

internal static class Methods
{
    public static readonly IntMethod Noop = new("M:Bench.Noop(System.Int32)", (x, _) => Task.FromResult(x));
    public static readonly IntMethod Sleep = new("M:Bench.Sleep(System.Int32)", async (x, ct) => { await Task.Delay(x, ct); return x; });

    public static readonly IntMethod NestedPool = new("M:Bench.NestedPool(System.Int32)", async (x, ct) =>
    {
        s_nested = new ProcessPoolExecutor(x);
        await s_nested.StartAsync(ct);
        return s_nested.WorkerProcessIds[0];
    });

    private static ProcessPoolExecutor? s_nested;

    [ModuleInitializer]
    internal static void Register()
    {
        RemoteRegistry.Register(NestedPool);
        RemoteRegistry.Register(Noop);
        RemoteRegistry.Register(Sleep);
    }
}

internal sealed class IntMethod(string id, Func<int, CancellationToken, Task<int>> body) : RemoteMethod<int, int>(id, null)
{
    public override bool HasTarget => false;

    public override object? ReadTarget(WireReader reader) => null;

    public override void WriteTarget(WireWriter writer, object target) => throw new NotSupportedException();

    public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

    public override int ReadResult(WireReader reader) => reader.ReadInt32();

    public override async ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
    {
        var x = arguments.ReadInt32();
        var task = body(x, cancellationToken);
        result.WriteInt32(task.IsCompletedSuccessfully ? task.Result : await task);
    }
}
