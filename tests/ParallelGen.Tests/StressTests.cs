using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 7: a million items with random failures under Collect; every index accounted for exactly once.</summary>
public class StressTests
{
    private const int Count = 1_000_000;

    private static bool Fails(int x) => (uint)(x * 2654435761u) % 97 == 0; // a fixed pseudo-random ~1% of items

    [Fact]
    public void A_million_items_with_random_failures_under_Collect_account_for_every_index_once()
    {
        var runs = new int[Count];
        var thrown = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), Lazy(Count), Sync<int, int>(x =>
        {
            Interlocked.Increment(ref runs[x]);
            return Fails(x) ? throw new InvalidOperationException("injected") : x + 1;
        }), new MapOptions { ErrorMode = ErrorMode.Collect, MaxDegreeOfParallelism = 4 }, default)));

        Assert.True(runs.All(r => r == 1), "some item ran twice or never");
        var failed = thrown.Failures.Select(f => f.Index).ToArray();
        Assert.Equal(Enumerable.Range(0, Count).Where(Fails).Select(x => (long)x), failed);
        var results = (int[])thrown.Results!;
        Assert.Equal(Count, results.Length);
        for (var i = 0; i < Count; i++)
        {
            if (results[i] != (Fails(i) ? 0 : i + 1))
            {
                Assert.Fail($"index {i} holds {results[i]}");
            }
        }
    }

    [Fact]
    public async Task A_million_items_streamed_with_random_failures_yield_every_index_exactly_once()
    {
        var seen = new byte[Count];
        var failures = 0;
        using var cts = new CancellationTokenSource(Patience * 2);
        await foreach (var c in GeneratedSupport.AsCompleted(Method(), Lazy(Count), Sync<int, int>(x => Fails(x) ? throw new InvalidOperationException("injected") : x), new MapOptions { ErrorMode = ErrorMode.Collect }, default).WithCancellation(cts.Token))
        {
            seen[c.Index]++;
            if (!c.Succeeded)
            {
                Assert.True(Fails((int)c.Index));
                failures++;
            }
        }

        Assert.True(seen.All(s => s == 1));
        Assert.Equal(Enumerable.Range(0, Count).Count(Fails), failures);
    }
}
