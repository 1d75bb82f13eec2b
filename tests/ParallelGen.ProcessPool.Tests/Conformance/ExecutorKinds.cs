using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests.Conformance;

/// <summary>
/// The executors every conformance test runs on: the same test body, the same generated wrapper, only
/// <see cref="MapOptions.Executor"/> differs. Two workers each, so a test's expectations about concurrency hold on both.
/// </summary>
public static class ExecutorKinds
{
    /// <summary>In-process threads.</summary>
    public const string Threads = "threads";

    /// <summary>Worker processes.</summary>
    public const string Processes = "processes";

    /// <summary>The longest a conformance test waits for anything before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>xunit data: both kinds.</summary>
    public static TheoryData<string> Both => new() { Threads, Processes };

    /// <summary>A fresh executor of <paramref name="kind"/> with two workers (tests that shut it down).</summary>
    public static IExecutor Create(string kind) => kind switch
    {
        Threads => new ThreadPoolExecutor(maxWorkers: 2),
        Processes => new ProcessPoolExecutor(2),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Fails the test if <paramref name="task"/> does not finish within <see cref="Patience"/>.</summary>
    public static Task<T> Bounded<T>(this Task<T> task) => task.WaitAsync(Patience);

    /// <summary>Fails the test if <paramref name="task"/> does not finish within <see cref="Patience"/>.</summary>
    public static Task Bounded(this Task task) => task.WaitAsync(Patience);

    /// <summary>Runs a blocking call on another thread, bounded by <see cref="Patience"/>.</summary>
    public static Task<T> Bounded<T>(Func<T> call) => Task.Run(call).WaitAsync(Patience);

    /// <summary>Every element of <paramref name="source"/>, bounded by <see cref="Patience"/>.</summary>
    public static async Task<List<T>> ToListBounded<T>(this IAsyncEnumerable<T> source)
    {
        using var cts = new CancellationTokenSource(Patience);
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cts.Token))
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A fresh empty directory that a worker process can write to; deleted by the caller.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "pg-conf-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>One warm executor of each kind, shared by a test class (a process pool takes a while to start).</summary>
public sealed class SharedExecutors : IAsyncLifetime
{
    /// <summary>Two worker threads.</summary>
    public ThreadPoolExecutor Threads { get; } = new(maxWorkers: 2);

    /// <summary>Two worker processes.</summary>
    public ProcessPoolExecutor Processes { get; } = new(2);

    /// <summary>The shared executor of <paramref name="kind"/>.</summary>
    public IExecutor Get(string kind) => kind == ExecutorKinds.Processes ? Processes : Threads;

    /// <inheritdoc/>
    public Task InitializeAsync() => Processes.StartAsync().Bounded();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Processes.DisposeAsync().AsTask().Bounded();
        await Threads.DisposeAsync().AsTask().Bounded();
    }
}
