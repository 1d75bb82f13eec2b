using System;
using System.Linq;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>
/// The generated loop over a run of cheap items (<see cref="ChunkBody{TIn, TOut}"/>, issue 14.3): same results, same
/// failures at the same indexes, as the call per item.
/// </summary>
public class ChunkBodyTests
{
    private static WorkBody<int, long> Body(Func<int, long> method) => WorkBody<int, long>.Sync((item, _) => method(item), (ReadOnlySpan<int> items, Span<long> results, ref int done) =>
    {
        for (; done < items.Length; done++)
        {
            results[done] = method(items[done]);
        }
    });

    [Theory]
    [InlineData("threadpool")]
    [InlineData("threadpool-2")]
    [InlineData("workerpool-3")]
    [InlineData("inline")]
    public void Cheap_items_run_through_the_loop_give_every_result_in_order(string kind)
    {
        var executor = Create(kind);
        var input = Enumerable.Range(0, 300_000).ToArray();
        var results = Bounded(() => GeneratedSupport.Map(Method(), input, Body(x => (long)x * x), new MapOptions { Executor = executor }, default));
        Assert.Equal(input.Select(x => (long)x * x), results);
    }

    [Fact]
    public void An_item_that_throws_inside_the_loop_fails_at_its_own_index_and_the_others_still_run()
    {
        var input = Enumerable.Range(0, 300_000).ToArray();
        var failing = new[] { 5, 70_001, 299_999 };
        var error = Assert.Throws<MapException>(() => Bounded(() => GeneratedSupport.Map(Method(), input, Body(x => failing.Contains(x) ? throw new InvalidOperationException("item " + x) : x + 1L), new MapOptions { ErrorMode = ErrorMode.Collect }, default)));

        Assert.Equal(failing.Select(i => (long)i), error.Failures.Select(f => f.Index));
        Assert.All(error.Failures, f => Assert.Equal("item " + f.Index, f.Exception.Message));
        var results = Assert.IsType<long[]>(error.Results);
        Assert.All(input.Where(x => !failing.Contains(x)), x => Assert.Equal(x + 1L, results[x]));
    }
}
