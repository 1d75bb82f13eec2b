using System.Threading.Tasks;
using ParallelGen.Generator.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>The first end-to-end path: one static one-parameter method, every wrapper called.</summary>
public sealed class QuickstartPathTests
{
    private const string Probe = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Demo;

        internal static class Probe
        {
            public static async Task<string> RunAsync()
            {
                var map = Numbers.SquareMap(new[] { 1, 2, 3 });
                var mapAsync = await Numbers.SquareMapAsync(new List<int> { 4, 5 });
                var stream = await Numbers.SquareMapAsync(Stream(3));
                var completed = new List<int>();
                await foreach (var item in Numbers.SquareAsCompleted(new[] { 6, 7 }))
                {
                    completed.Add(item.Result);
                }

                completed.Sort();
                var submitted = await Numbers.SquareSubmit(8);
                return string.Join(",", map) + "|" + string.Join(",", mapAsync) + "|" + string.Join(",", stream) + "|" + string.Join(",", completed) + "|" + submitted;
            }

            private static async IAsyncEnumerable<int> Stream(int count)
            {
                for (var i = 1; i <= count; i++)
                {
                    await Task.Yield();
                    yield return i;
                }
            }
        }
        """;

    [Fact]
    public async Task Static_one_parameter_method_gets_working_Map_MapAsync_AsCompleted_and_Submit()
    {
        var output = await CompiledAssembly.RunProbeAsync(ShapeSources.StaticOneParameter, Probe);

        Assert.Equal("1,4,9|16,25|1,4,9|36,49|64", output);
    }
}
