using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests.Degree;

/// <summary>
/// Issue 14, point 1, end to end on the default executor: an explicit degree is exact, an automatic one grows past the
/// cores for items that wait, stays at the cores for items that do not, respects its cap, and is reported. Each test
/// makes its items wait for one another, so it passes only if the degree really got there; no timing is asserted.
/// They run alone: sampled CPU use of other tests' work would hold back the growth of blocking maps.
/// </summary>
[Collection(nameof(DefaultExecutorCollection))]
public class AutoDegreeTests
{
    private static readonly int s_cores = Environment.ProcessorCount;

    [Fact]
    public async Task An_explicit_degree_is_exact_for_waiting_items()
    {
        var degree = s_cores + 3;
        var gate = new Gate(degree);
        var results = await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 64).ToArray(), Async<int, int>(async (item, _) =>
        {
            await gate.EnterAsync();
            return item;
        }), new MapOptions { MaxDegreeOfParallelism = degree }, default).Bounded();

        Assert.Equal(64, results.Length);
        Assert.Equal(degree, gate.Max);
    }

    [Fact]
    public void An_explicit_degree_is_exact_for_blocking_items()
    {
        var degree = s_cores + 2;
        var gate = new Gate(degree);
        var results = Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 24).ToArray(), Sync<int, int>(item =>
        {
            gate.Enter();
            return item;
        }), new MapOptions { MaxDegreeOfParallelism = degree }, default));

        Assert.Equal(24, results.Length);
        Assert.Equal(degree, gate.Max);
    }

    [Fact]
    public async Task Without_a_degree_waiting_async_items_run_far_past_the_cores()
    {
        // Each item waits until 32 are in flight at once: with one worker per core this map never ends.
        var gate = new Gate(32);
        var results = await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 64).ToArray(), Async<int, int>(async (item, _) =>
        {
            await gate.EnterAsync();
            return item;
        }), null, default).Bounded();

        Assert.Equal(Enumerable.Range(0, 64), results);
        Assert.True(gate.Max >= 32, $"at most {gate.Max} items ran at once");
    }

    [Fact]
    public async Task Without_a_degree_a_stream_of_waiting_items_runs_past_the_cores_too()
    {
        var gate = new Gate(16);
        var completed = await GeneratedSupport.AsCompleted(Method(), Enumerable.Range(0, 40).ToArray(), Async<int, int>(async (item, _) =>
        {
            await gate.EnterAsync();
            return item;
        }), null, default).ToListBounded();

        Assert.Equal(Enumerable.Range(0, 40), completed.Select(c => c.Result).Order());
        Assert.True(gate.Max >= 16, $"at most {gate.Max} items ran at once");
    }

    [Fact]
    public void Without_a_degree_blocking_items_get_threads_past_the_cores()
    {
        var wanted = s_cores + 4;
        var gate = new Gate(wanted);
        var results = Bounded(() => GeneratedSupport.Map(Method(), Enumerable.Range(0, 2 * wanted).ToArray(), Sync<int, int>(item =>
        {
            gate.Enter();
            return item;
        }), null, default));

        Assert.Equal(2 * wanted, results.Length);
        Assert.True(gate.Max >= wanted, $"at most {gate.Max} items ran at once");
    }

    [Fact]
    public async Task Without_a_degree_items_that_never_wait_stay_at_the_cores()
    {
        var probe = new ConcurrencyProbe();
        var progress = new Reports();
        var results = await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 2_000).ToArray(), Async<int, int>((item, _) =>
        {
            using (probe.Enter())
            {
                Thread.SpinWait(200);
                return new ValueTask<int>(item);
            }
        }), new MapOptions { Progress = progress }, default).Bounded();

        Assert.Equal(2_000, results.Length);
        Assert.InRange(probe.Max, 1, s_cores);
        Assert.Equal(s_cores, progress.Last.Degree);
    }

    [Fact]
    public async Task The_automatic_degree_respects_its_cap()
    {
        var cap = s_cores + 4;
        var gate = new Gate(cap);
        await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 64).ToArray(), Async<int, int>(async (item, _) =>
        {
            await gate.EnterAsync();
            return item;
        }), new MapOptions { MaxAutoDegree = cap }, default).Bounded();

        Assert.Equal(cap, gate.Max);
    }

    [Fact]
    public async Task Progress_reports_the_degree()
    {
        var gate = new Gate(24);
        var auto = new Reports();
        await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 48).ToArray(), Async<int, int>(async (item, _) =>
        {
            await gate.EnterAsync();
            return item;
        }), new MapOptions { Progress = auto }, default).Bounded();

        var fixedDegree = new Reports();
        await GeneratedSupport.MapAsync(Method(), Enumerable.Range(0, 48).ToArray(), Async<int, int>(async (item, _) =>
        {
            await Task.Yield();
            return item;
        }), new MapOptions { Progress = fixedDegree, MaxDegreeOfParallelism = 3 }, default).Bounded();

        Assert.InRange(auto.Last.Degree, 24, DegreeDefaults.Cap);
        Assert.Equal(3, fixedDegree.Last.Degree);
    }

    [Fact]
    public void A_negative_cap_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedSupport.Map(Method(), new[] { 1 }, Sync<int, int>(x => x), new MapOptions { MaxAutoDegree = -1 }, default));
    }

    private static class DegreeDefaults
    {
        public const int Cap = Mapping.Degree.DegreeController.DefaultCap;
    }

    /// <summary>Holds each entering item until <c>wanted</c> are inside at once (then lets all through); tracks the most inside.</summary>
    private sealed class Gate(int wanted)
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrencyProbe _probe = new();
        private int _inside;

        public int Max => _probe.Max;

        public async Task EnterAsync()
        {
            using (_probe.Enter())
            {
                if (Interlocked.Increment(ref _inside) >= wanted)
                {
                    _open.TrySetResult();
                }

                await _open.Task.WaitAsync(Patience);
                Interlocked.Decrement(ref _inside);
            }
        }

        public void Enter()
        {
            using (_probe.Enter())
            {
                if (Interlocked.Increment(ref _inside) >= wanted)
                {
                    _open.TrySetResult();
                }

                _open.Task.Wait(Patience);
                Interlocked.Decrement(ref _inside);
            }
        }
    }

    /// <summary>Keeps the last progress report (reported synchronously, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class Reports : IProgress<MapProgress>
    {
        private readonly ConcurrentQueue<MapProgress> _all = new();

        public MapProgress Last => _all.Last();

        public void Report(MapProgress value) => _all.Enqueue(value);
    }
}
