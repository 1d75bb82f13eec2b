using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>PG0200: loops that call a [Parallelizable] method one item at a time become one call of its Map wrapper.</summary>
public class UseMapFixTests
{
    private const string Numbers = """
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
}
