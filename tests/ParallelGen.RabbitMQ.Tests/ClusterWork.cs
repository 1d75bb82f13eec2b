using System;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>Ordinary [Parallelizable] methods: the generator writes their wrappers and registers them for workers.</summary>
public static partial class ClusterWork
{
    /// <summary>x * x, in the worker process.</summary>
    [Parallelizable]
    public static int Square(int x) => x * x;

    /// <summary>Greets after a wait that sees the map's token; says which process answered.</summary>
    [Parallelizable]
    public static async Task<string> Greet(string name, int millis, CancellationToken cancellationToken)
    {
        await Task.Delay(millis, cancellationToken).ConfigureAwait(false);
        return $"hello {name} from {Environment.ProcessId}";
    }

    /// <summary>Throws for negative numbers.</summary>
    [Parallelizable]
    public static int Checked(int x) => x >= 0 ? x : throw new ArgumentOutOfRangeException(nameof(x), x, "negative");
}

/// <summary>The methods of the executor-conformance cases for futures (as in the process pool's tests), on the cluster.</summary>
public static partial class GateWork
{
    /// <summary>x * x.</summary>
    [Parallelizable]
    public static long Square(int x) => (long)x * x;

    /// <summary>Waits <paramref name="milliseconds"/>, cooperatively: the token ends it early.</summary>
    [Parallelizable]
    public static async Task<int> Linger(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken).ConfigureAwait(false);
        return milliseconds;
    }

    /// <summary>Marks <c>started-x</c> in <paramref name="directory"/> (seen from any process), then waits until the
    /// file <c>release</c> appears there (at most 90 s), and returns x.</summary>
    [Parallelizable]
    public static int HoldUntilReleased(string directory, int x)
    {
        System.IO.File.WriteAllText(System.IO.Path.Combine(directory, "started-" + x), "");
        for (var waited = 0; waited < 9_000 && !System.IO.File.Exists(System.IO.Path.Combine(directory, "release")); waited++)
        {
            Thread.Sleep(10);
        }

        return x;
    }
}
