using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.ProcessPool.Tests.Conformance;

/// <summary>
/// Real [Parallelizable] methods: the generator writes their wrappers and their cross-process registry, so the same
/// call runs on threads or in worker processes by changing only <see cref="MapOptions.Executor"/>. Effects a test must
/// see from another process are files.
/// </summary>
public static partial class ConformanceWork
{
    /// <summary>x * x.</summary>
    [Parallelizable]
    public static long Square(int x) => (long)x * x;

    /// <summary>The id of the process that ran the item.</summary>
    [Parallelizable]
    public static int WorkerPid(int item) => Environment.ProcessId;

    /// <summary>Returns <paramref name="x"/>, except that every item with x % 5 == 3 throws its own exception.</summary>
    [Parallelizable]
    public static int Check(int x) => x % 5 == 3 ? throw new InvalidOperationException($"item {x} is bad") : x;

    /// <summary>No result: creates the file <paramref name="directory"/>/<paramref name="x"/>, visible from any process.</summary>
    [Parallelizable]
    public static void Touch(string directory, int x) => File.WriteAllText(Path.Combine(directory, x.ToString(System.Globalization.CultureInfo.InvariantCulture)), "done");

    /// <summary>Waits <paramref name="milliseconds"/>, cooperatively: the token ends it early.</summary>
    [Parallelizable]
    public static async Task<int> Linger(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return milliseconds;
    }

    /// <summary>Sleeps <paramref name="milliseconds"/> and ignores every token: only a kill stops it early.</summary>
    [Parallelizable]
    public static int Nap(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    }

    /// <summary>
    /// Marks <c>started-x</c> in <paramref name="directory"/>, then runs until its token fires (at most a minute), marks
    /// <c>saw-x</c> and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    [Parallelizable]
    public static int AwaitCancellation(string directory, int x, CancellationToken cancellationToken)
    {
        File.WriteAllText(Path.Combine(directory, "started-" + x), "");
        var until = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < until)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                File.WriteAllText(Path.Combine(directory, "saw-" + x), "");
                cancellationToken.ThrowIfCancellationRequested();
            }

            Thread.Sleep(10);
        }

        return -1;
    }

    /// <summary>Marks <c>started-x</c> in <paramref name="directory"/>, waits until a <c>release</c> file is there (90 s at most), returns x.</summary>
    [Parallelizable]
    public static int HoldUntilReleased(string directory, int x)
    {
        File.WriteAllText(Path.Combine(directory, "started-" + x), "");
        for (var waited = 0; waited < 9_000 && !File.Exists(Path.Combine(directory, "release")); waited++)
        {
            Thread.Sleep(10);
        }

        return x;
    }

    /// <summary>Marks <c>started-x</c> in <paramref name="directory"/>, sleeps <paramref name="milliseconds"/>, returns x.</summary>
    [Parallelizable]
    public static int Hold(string directory, int x, int milliseconds)
    {
        File.WriteAllText(Path.Combine(directory, "started-" + x), "");
        Thread.Sleep(milliseconds);
        return x;
    }

    /// <summary>Records, lists, dictionaries and sets in, a record with collections out.</summary>
    [Parallelizable]
    public static Summary Summarize(Order order) => Summary.Of(order);
}

/// <summary>An instance method: its instance is copied to the worker process, as pickle copies a bound method's object.</summary>
/// <param name="Factor">What <see cref="Scale"/> multiplies by.</param>
public sealed partial record Scaler(int Factor)
{
    /// <summary>x * Factor.</summary>
    [Parallelizable]
    public int Scale(int x) => x * Factor;
}

/// <summary>An instance with mutable state: a worker process changes its own copy, never the caller's.</summary>
public sealed partial class Tally
{
    /// <summary>The running total.</summary>
    public int Count { get; set; }

    /// <summary>Adds <paramref name="x"/> to <see cref="Count"/> and returns the new count.</summary>
    [Parallelizable(MaxDegreeOfParallelism = 1)]
    public int Add(int x)
    {
        Count += x;
        return Count;
    }
}

/// <summary>An order line.</summary>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Price">Unit price.</param>
public sealed record Line(string Sku, int Quantity, decimal Price);

/// <summary>An order: a record holding a list, a dictionary and a nullable.</summary>
/// <param name="Customer">Who ordered.</param>
/// <param name="Lines">What.</param>
/// <param name="Tags">Tag -> weight.</param>
/// <param name="Discount">Optional discount.</param>
public sealed record Order(string Customer, List<Line> Lines, Dictionary<string, int> Tags, decimal? Discount);

/// <summary>What <see cref="ConformanceWork.Summarize"/> returns.</summary>
/// <param name="Customer">Who ordered.</param>
/// <param name="Total">The total price after the discount.</param>
/// <param name="QuantityBySku">Quantities per SKU.</param>
/// <param name="Tags">The order's tags.</param>
/// <param name="Quantities">Each line's quantity.</param>
/// <param name="WorkerPid">The process that computed it.</param>
public sealed record Summary(string Customer, decimal Total, Dictionary<string, int> QuantityBySku, HashSet<string> Tags, int[] Quantities, int WorkerPid)
{
    /// <summary>The summary of <paramref name="order"/>, computed in this process.</summary>
    public static Summary Of(Order order) => new(
        order.Customer,
        order.Lines.Sum(l => l.Quantity * l.Price) - (order.Discount ?? 0m),
        order.Lines.GroupBy(l => l.Sku).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity)),
        order.Tags.Keys.ToHashSet(),
        order.Lines.Select(l => l.Quantity).ToArray(),
        Environment.ProcessId);
}
