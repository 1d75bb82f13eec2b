using System.Threading;

namespace ParallelGen.Cluster.Benchmarks;

/// <summary>
/// The benchmark's two tasks, ordinary [Parallelizable] methods: the generator writes their wrappers (TinyMap,
/// Sleep10Map) and registers them for the cluster workers, as in a user's app.
/// </summary>
public static partial class Methods
{
    /// <summary>x * x.</summary>
    [Parallelizable]
    public static int Tiny(int x) => x * x;

    /// <summary>x * 2 after 10 ms.</summary>
    [Parallelizable]
    public static int Sleep10(int x)
    {
        Thread.Sleep(10);
        return x * 2;
    }
}
