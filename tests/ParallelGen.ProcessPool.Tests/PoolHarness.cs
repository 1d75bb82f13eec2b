using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.ProcessPool.Tests;

/// <summary>Collects each item's outcome; asserts every item got exactly one.</summary>
internal sealed class CollectingSink<T>(int count) : IBatchSink<T>
{
    private readonly T?[] _results = new T?[count];
    private readonly Exception?[] _errors = new Exception?[count];
    private readonly int[] _calls = new int[count];

    public void OnResult(int index, T result)
    {
        _results[index] = result;
        Interlocked.Increment(ref _calls[index]);
    }

    public void OnError(int index, Exception error)
    {
        _errors[index] = error;
        Interlocked.Increment(ref _calls[index]);
    }

    public T? Result(int index) => _errors[index] is { } e ? throw new Xunit.Sdk.XunitException($"item {index} failed: {e}") : _results[index];

    public Exception? Error(int index) => _errors[index];

    public void AssertEachOnce() => Assert.All(_calls, c => Assert.Equal(1, c));
}

internal static class PoolHarness
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    public static async Task<CollectingSink<TOut>> RunAsync<TIn, TOut>(ProcessPoolExecutor pool, RemoteMethod<TIn, TOut> method, TIn[] items, TimeSpan? itemTimeout = null, CancellationToken cancellationToken = default)
    {
        var sink = new CollectingSink<TOut>(items.Length);
        await pool.RunBatchAsync(method, null, items, sink, itemTimeout, cancellationToken).AsTask().WaitAsync(Bound);
        sink.AssertEachOnce();
        return sink;
    }

    public static Task<CollectingSink<string>> BehaveAsync(ProcessPoolExecutor pool, params string[] commands) =>
        RunAsync(pool, TestMethods.Behave, commands);

    /// <summary>Alive and not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }
}
