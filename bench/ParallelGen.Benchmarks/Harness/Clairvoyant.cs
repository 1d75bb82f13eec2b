namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// Not a contender but a yardstick: the schedule a scheduler could run if it knew every item's cost in advance,
/// which no real one does. One thread per core takes items heaviest first (longest processing time first), so the
/// heavy tail starts at once and the light items fill the gaps. It shows, measured in the same run, how far below
/// <c>Parallel.ForEach</c> any scheduler can get on a workload: a target ratio above that is out of anyone's reach.
/// </summary>
public static class Clairvoyant
{
    /// <summary>The item positions ordered heaviest first (computed once, outside any measurement).</summary>
    public static int[] HeaviestFirst(IReadOnlyList<double> costs) =>
        Enumerable.Range(0, costs.Count).OrderByDescending(i => costs[i]).ThenBy(i => i).ToArray();

    /// <summary>
    /// Runs <paramref name="compute"/> on every item, taking positions in <paramref name="order"/> from one shared
    /// counter on <see cref="Environment.ProcessorCount"/> threads (the caller and dedicated threads, which inherit
    /// its priority); results land at their items' positions.
    /// </summary>
    public static TOut[] Map<TOut>(int[] items, int[] order, Func<int, TOut> compute)
    {
        var results = new TOut[items.Length];
        var next = -1;
        void Drain()
        {
            int taken;
            while ((taken = Interlocked.Increment(ref next)) < order.Length)
            {
                var position = order[taken];
                results[position] = compute(items[position]);
            }
        }

        var helpers = new Thread[Environment.ProcessorCount - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            // Each position is written once: positions come from a permutation, claimed through Interlocked.Increment.
#pragma warning disable PG0106
            helpers[i] = new Thread(Drain) { IsBackground = true, Name = "clairvoyant" };
#pragma warning restore PG0106
            helpers[i].Start();
        }

        // The caller drains too: the same claimed-once positions as the helpers (a known false PG0108: the analysis
        // does not carry the worker's "one claimed element per item" ownership to the starting code's own call).
#pragma warning disable PG0108
        Drain();
#pragma warning restore PG0108
        foreach (var helper in helpers)
        {
            helper.Join();
        }

        return results;
    }
}
