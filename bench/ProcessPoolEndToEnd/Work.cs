using System;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen;

namespace ProcessPoolEndToEnd;

/// <summary>The benchmark's [Parallelizable] methods: what a user writes, run through the generated wrappers.</summary>
public static partial class Work
{
    /// <summary>Nothing: dispatch cost only.</summary>
    [Parallelizable]
    public static int Noop(int x) => x;

    /// <summary>CPU work of <paramref name="iterations"/> rounds of integer mixing (no allocation, no memory traffic).</summary>
    [Parallelizable]
    public static long Burn(int iterations)
    {
        var h = (ulong)iterations | 1;
        for (var i = 0; i < iterations; i++)
        {
            h ^= h << 13;
            h ^= h >> 7;
            h ^= h << 17;
        }

        return (long)h;
    }

    /// <summary>Waits <paramref name="milliseconds"/> (the item a killed worker was running).</summary>
    [Parallelizable]
    public static async Task<int> Linger(int milliseconds, CancellationToken cancellationToken)
    {
        await Task.Delay(milliseconds, cancellationToken);
        return milliseconds;
    }
}
