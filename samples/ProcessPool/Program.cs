// A worker process that crashes or hangs costs only its own item: the pool replaces it and every other result arrives.
// Run: dotnet run --project samples/ProcessPool
using System;
using System.Linq;
using ParallelGen;
using ProcessPoolSample;

Console.WriteLine($"parent process {Environment.ProcessId}");
await using var pool = new ProcessPoolExecutor(workers: 2);
var options = new MapOptions
{
    Executor = pool,
    ErrorMode = ErrorMode.Collect,              // every item's outcome, not just the first failure
    ItemTimeout = TimeSpan.FromSeconds(2),      // on a process pool: the runaway's worker is killed and replaced
    ChunkSize = 1,
};

var succeeded = 0;
await foreach (var done in Jobs.RunAsCompleted(Enumerable.Range(0, 10), options))
{
    switch (done.Exception)
    {
        case null:
            succeeded++;
            Console.WriteLine($"job {done.Input}: {done.Result}");
            break;
        case WorkerCrashedException crash:
            Console.WriteLine($"job {done.Input}: its worker crashed (process {crash.ProcessId}, {crash.Signal ?? "exit code " + crash.ExitCode}); the pool replaced it");
            break;
        case TimeoutException:
            Console.WriteLine($"job {done.Input}: timed out after {options.ItemTimeout.Value.TotalSeconds} s; its worker was killed and replaced");
            break;
        default:
            Console.WriteLine($"job {done.Input}: failed with {done.Exception.GetType().Name}: {done.Exception.Message}");
            break;
    }
}

Console.WriteLine($"{succeeded} of 10 jobs succeeded");
var after = Jobs.RunMap([6, 7], new MapOptions { Executor = pool });
Console.WriteLine($"the pool lives on: {string.Join("; ", after)}");
await pool.StartAsync(); // back at full width (a replacement may still have been starting)
Console.WriteLine($"workers now: {string.Join(", ", pool.WorkerProcessIds)} ({pool.WorkersStarted} started in all)");
