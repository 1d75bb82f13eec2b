// The classic examples of Python's multiprocessing tutorial, retold with ParallelGen.
// Run: dotnet run --project samples/Quickstart
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ParallelGen;
using Quickstart;

// 1. Pool(5).map(f, [1, 2, 3])  ->  SquareMap, on an executor five workers wide.
await using var pool5 = new ThreadPoolExecutor(maxWorkers: 5);
int[] squares = Tutorial.SquareMap([1, 2, 3], new MapOptions { Executor = pool5 });
Console.WriteLine($"[{string.Join(", ", squares)}]");

// 2. Process(target=greet, kwargs={...})  ->  GreetSubmit with named, optional arguments.
Future<string> bob = Tutorial.GreetSubmit(name: "bob");
Future<string> alice = Tutorial.GreetSubmit(name: "alice", greeting: "hi", times: 2);
Console.WriteLine(await bob);
Console.WriteLine(await alice);

// 3. imap_unordered / as_completed  ->  NapAsCompleted yields each result as soon as it is ready.
Console.Write("completion order:");
await foreach (var done in Tutorial.NapAsCompleted([600, 200, 400], new MapOptions { Executor = pool5 }))
{
    Console.Write($" {done.Result} ms (item {done.Index})");
}

Console.WriteLine();

// 4. Four 2-second tasks, one by one and then through Map: Python's Pool(8) needed 2.18 s against 8.07 s.
var clock = Stopwatch.StartNew();
foreach (var task in Enumerable.Range(1, 4))
{
    Tutorial.SleepTwoSeconds(task);
}

var sequential = clock.Elapsed.TotalSeconds;
Console.WriteLine($"one by one: {sequential.ToString("F2", CultureInfo.InvariantCulture)} s");

await using (var pool8 = new WorkerPool(workers: 8))
{
    clock.Restart();
    Tutorial.SleepTwoSecondsMap(Enumerable.Range(1, 4), new MapOptions { Executor = pool8 });
    var parallel = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"through Map: {parallel.ToString("F2", CultureInfo.InvariantCulture)} s");
    Console.WriteLine($"speed-up: {(sequential / parallel).ToString("F2", CultureInfo.InvariantCulture)}x");
}

// 5. ProcessPoolExecutor.map(doubler, numbers)  ->  the same wrapper on worker processes with their own memory.
Console.WriteLine($"parent process id: {Environment.ProcessId}");
await using (var processes = new ProcessPoolExecutor(workers: 2))
{
    foreach (var line in Tutorial.DoublerMap([5, 10, 15, 20, 25], new MapOptions { Executor = processes, ChunkSize = 1 }))
    {
        Console.WriteLine(line);
    }
}
