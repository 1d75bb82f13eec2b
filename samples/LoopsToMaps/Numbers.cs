using System;
using System.Threading.Tasks;
using ParallelGen;

namespace LoopsToMaps;

/// <summary>Already [Parallelizable]: PG0200 offers to call the generated wrappers instead of looping.</summary>
public static partial class Primes
{
    /// <summary>How many primes are below <paramref name="limit"/>, by trial division.</summary>
    [Parallelizable]
    public static int CountBelow(int limit)
    {
        var count = 0;
        for (var n = 2; n < limit; n++)
        {
            if (IsPrime(n))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The sum of the numbers below <paramref name="limit"/> divisible by <paramref name="step"/>.</summary>
    [Parallelizable]
    public static long SumBelow(int limit, int step)
    {
        var sum = 0L;
        for (var n = 0; n < limit; n += step)
        {
            sum += n;
        }

        return sum;
    }

    private static bool IsPrime(int n)
    {
        for (var d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Pure geometry, not yet [Parallelizable].</summary>
public static class Geometry
{
    /// <summary>The area of an ellipse with semi-axes <paramref name="a"/> and <paramref name="a"/> times <paramref name="ratio"/>.</summary>
    public static double Ellipse(int a, double ratio) => Math.PI * a * (a * ratio);
}

/// <summary>A stand-in for a remote call: awaits, then answers.</summary>
public static class Remote
{
    /// <summary>Fetches the record of <paramref name="key"/>.</summary>
    public static async Task<string> FetchAsync(string key)
    {
        await Task.Delay(10).ConfigureAwait(false);
        return key.Length + ":" + key[^1];
    }
}

/// <summary>Counts its calls in a static field: a loop over it must stay sequential.</summary>
public static class Audit
{
    /// <summary>How many times <see cref="Check"/> ran.</summary>
    public static int Calls { get; private set; }

    /// <summary>Records the call and returns <paramref name="value"/>.</summary>
    public static int Check(int value)
    {
        Calls++;
        return value;
    }
}
