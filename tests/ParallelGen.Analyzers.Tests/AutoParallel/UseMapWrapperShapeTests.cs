using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>PG0200 on awaited task methods, renamed wrappers and instance methods.</summary>
public class UseMapWrapperShapeTests
{
    [Fact]
    public Task Awaited_task_method_uses_MapAsync_with_the_Async_suffix_dropped() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public static class Check
        {
            public static async Task<string> Run()
            {
                var results = new List<int>();
                {|PG0200:foreach|} (var x in new List<int> { 1, 2, 3 })
                {
                    results.Add(await Numbers.TripleAsync(x));
                }

                return string.Join(",", results);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public static class Check
        {
            public static async Task<string> Run()
            {
                var results = new List<int>();
                results.AddRange(await Numbers.TripleMapAsync(new List<int> { 1, 2, 3 }));

                return string.Join(",", results);
            }
        }
        """,
        UseMapFixTests.Numbers);

    [Fact]
    public Task Renamed_wrappers_are_called_by_their_Name() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;

        public static class Check
        {
            public static string Run()
            {
                var cubes = new List<long>();
                var inputs = new long[] { 2, 3 };
                {|PG0200:for|} (var i = 0; i < inputs.Length; i++)
                {
                    cubes.Add(Numbers.Power3(inputs[i]));
                }

                return string.Join(",", cubes);
            }
        }
        """,
        """
        using System.Collections.Generic;

        public static class Check
        {
            public static string Run()
            {
                var cubes = new List<long>();
                var inputs = new long[] { 2, 3 };
                cubes.AddRange(Numbers.CubeMap(inputs));

                return string.Join(",", cubes);
            }
        }
        """,
        UseMapFixTests.Numbers);

    [Fact]
    public Task Instance_methods_call_the_instance_wrapper_on_the_same_receiver() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;
        using ParallelGen;

        public partial class Scaler
        {
            private readonly int factor;

            public Scaler(int factor) => this.factor = factor;

            [Parallelizable]
            public int Scale(int value) => value * factor;

            public List<int> ScaleAll(int[] values)
            {
                var scaled = new List<int>();
                {|PG0200:foreach|} (var v in values)
                {
                    scaled.Add(Scale(v));
                }

                return scaled;
            }
        }

        public static class Check
        {
            public static string Run()
            {
                var scaler = new Scaler(3);
                var results = new List<int>(scaler.ScaleAll(new[] { 1, 2 }));
                {|PG0200:foreach|} (var v in new[] { 4, 5 })
                {
                    results.Add(scaler.Scale(v));
                }

                return string.Join(",", results);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using ParallelGen;

        public partial class Scaler
        {
            private readonly int factor;

            public Scaler(int factor) => this.factor = factor;

            [Parallelizable]
            public int Scale(int value) => value * factor;

            public List<int> ScaleAll(int[] values)
            {
                var scaled = new List<int>();
                scaled.AddRange(ScaleMap(values));

                return scaled;
            }
        }

        public static class Check
        {
            public static string Run()
            {
                var scaler = new Scaler(3);
                var results = new List<int>(scaler.ScaleAll(new[] { 1, 2 }));
                results.AddRange(scaler.ScaleMap(new[] { 4, 5 }));

                return string.Join(",", results);
            }
        }
        """);
}
