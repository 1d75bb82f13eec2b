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
