using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>PG0200: loops that call a [Parallelizable] method one item at a time become one call of its Map wrapper.</summary>
public class UseMapFixTests
{
    internal const string Numbers = """
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        public static partial class Numbers
        {
            [Parallelizable]
            public static int Square(int value) => value * value;

            [Parallelizable]
            public static double Half(int value) => value / 2.0;

            [Parallelizable]
            public static string Label(string name, int count) => name + "=" + count;

            [Parallelizable]
            public static int Slow(int value, CancellationToken cancellationToken) => value + (cancellationToken.IsCancellationRequested ? 1000 : 1);

            [Parallelizable]
            public static async Task<int> TripleAsync(int value)
            {
                await Task.Yield();
                return value * 3;
            }

            [Parallelizable(Name = "Cube")]
            public static long Power3(long value) => value * value * value;
        }
        """;

    [Fact]
    public Task List_add_becomes_AddRange_of_Map_over_the_collection() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;

        public static class Check
        {
            public static string Run()
            {
                var inputs = new[] { 1, 2, 3, 4 };
                var squares = new List<int> { -1 };
                {|PG0200:foreach|} (var x in inputs)
                {
                    squares.Add(Numbers.Square(x));
                }

                return string.Join(",", squares);
            }
        }
        """,
        """
        using System.Collections.Generic;

        public static class Check
        {
            public static string Run()
            {
                var inputs = new[] { 1, 2, 3, 4 };
                var squares = new List<int> { -1 };
                squares.AddRange(Numbers.SquareMap(inputs));

                return string.Join(",", squares);
            }
        }
        """,
        Numbers);

    [Fact]
    public Task Array_store_over_an_index_becomes_CopyTo_of_Map_over_the_array() => AutoParallelVerifier.VerifyFixAsync(
        """
        public static class Check
        {
            public static string Run()
            {
                var inputs = new[] { 5, 6, 7 };
                var results = new int[inputs.Length + 1];
                {|PG0200:for|} (var i = 0; i < inputs.Length; i++)
                {
                    results[i] = Numbers.Square(inputs[i]);
                }

                return string.Join(",", results);
            }
        }
        """,
        """
        public static class Check
        {
            public static string Run()
            {
                var inputs = new[] { 5, 6, 7 };
                var results = new int[inputs.Length + 1];
                Numbers.SquareMap(inputs).CopyTo(results, 0);

                return string.Join(",", results);
            }
        }
        """,
        Numbers);

    [Fact]
    public Task Counting_loop_maps_over_a_range() => AutoParallelVerifier.VerifyFixAsync(
        """
        public static class Check
        {
            public static string Run()
            {
                var n = 6;
                var results = new int[n];
                {|PG0200:for|} (int i = 0; i < n; ++i)
                    results[i] = Numbers.Square(i);
                return string.Join(",", results);
            }
        }
        """,
        """
        using System;
        using System.Linq;

        public static class Check
        {
            public static string Run()
            {
                var n = 6;
                var results = new int[n];
                Numbers.SquareMap(Enumerable.Range(0, Math.Max(0, n))).CopyTo(results, 0);
                return string.Join(",", results);
            }
        }
        """,
        Numbers);

    [Fact]
    public Task Integer_sum_becomes_Sum_and_floating_sum_keeps_the_order_of_additions() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;
        using System.Globalization;

        public static class Check
        {
            public static string Run()
            {
                var inputs = new List<int> { 1, 2, 3, 4, 5 };
                var total = 10;
                {|PG0200:foreach|} (var x in inputs)
                {
                    total += Numbers.Square(x);
                }

                var half = 0.1;
                {|PG0200:foreach|} (var x in inputs)
                {
                    half += Numbers.Half(x);
                }

                return total + " " + half.ToString("R", CultureInfo.InvariantCulture);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;

        public static class Check
        {
            public static string Run()
            {
                var inputs = new List<int> { 1, 2, 3, 4, 5 };
                var total = 10;
                total += Numbers.SquareMap(inputs).Sum();

                var half = 0.1;
                half = Numbers.HalfMap(inputs).Aggregate(half, (total, item) => total + item);

                return total + " " + half.ToString("R", CultureInfo.InvariantCulture);
            }
        }
        """,
        Numbers);

    [Fact]
    public Task Keyed_store_keeps_the_last_result_per_key_in_input_order() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;
        using System.Linq;

        public static class Check
        {
            public static string Run()
            {
                var inputs = new[] { 3, 1, 3, 2 };
                var byInput = new Dictionary<int, int>();
                {|PG0200:foreach|} (var x in inputs)
                {
                    byInput[x % 3] = Numbers.Square(x);
                }

                return string.Join(",", byInput.Select(p => p.Key + ":" + p.Value));
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Linq;

        public static class Check
        {
            public static string Run()
            {
                var inputs = new[] { 3, 1, 3, 2 };
                var byInput = new Dictionary<int, int>();
                foreach (var (x, result) in inputs.Zip(Numbers.SquareMap(inputs)))
                {
                    byInput[x % 3] = result;
                }

                return string.Join(",", byInput.Select(p => p.Key + ":" + p.Value));
            }
        }
        """,
        Numbers);

    [Fact]
    public Task Several_parameters_become_value_tuples_and_a_trailing_token_goes_to_the_wrapper() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;
        using System.Threading;

        public static class Check
        {
            public static string Run()
            {
                var names = new List<string> { "a", "b", "c" };
                var count = 2;
                var labels = new List<string>();
                {|PG0200:foreach|} (var name in names)
                {
                    labels.Add(Numbers.Label(name, count));
                }

                var token = CancellationToken.None;
                var slow = new List<int>();
                {|PG0200:foreach|} (var x in new[] { 1, 2 })
                {
                    slow.Add(Numbers.Slow(x, token));
                }

                return string.Join(",", labels) + " " + string.Join(",", slow);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;

        public static class Check
        {
            public static string Run()
            {
                var names = new List<string> { "a", "b", "c" };
                var count = 2;
                var labels = new List<string>();
                labels.AddRange(Numbers.LabelMap(names.Select(name => (name, count))));

                var token = CancellationToken.None;
                var slow = new List<int>();
                slow.AddRange(Numbers.SlowMap(new[] { 1, 2 }, cancellationToken: token));

                return string.Join(",", labels) + " " + string.Join(",", slow);
            }
        }
        """,
        Numbers);
}
