using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>PG0100: a captured sum in Parallel.For/ForEach moves to the localInit/localFinally overload.</summary>
public class LocalAccumulatorFixTests
{
    private static Task<string> Fix(string markup, string expected) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new UseLocalAccumulatorCodeFix(), EquivalenceKey = UseLocalAccumulatorCodeFix.Key }.VerifyAsync(markup, expected);

    [Fact]
    public Task A_long_sum_in_Parallel_For_uses_Interlocked_in_localFinally() => Fix("""
        using System.Threading.Tasks;

        public static class Totals
        {
            public static long SumOfSquares(int n)
            {
                long sum = 0;
                Parallel.For(0, n, i =>
                {
                    var square = (long)i * i;
                    {|PG0100:sum += square|};
                });
                return sum;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        public static class Totals
        {
            public static long SumOfSquares(int n)
            {
                long sum = 0;
                Parallel.For(0, n, () => 0L, (i, _, localSum) =>
                {
                    var square = (long)i * i;
                    localSum += square;
                    return localSum;
                }, localSum => Interlocked.Add(ref sum, localSum));
                return sum;
            }
        }
        """);

    [Fact]
    public Task An_expression_bodied_int_count_in_ForEach() => Fix("""
        using System.Threading.Tasks;

        public static class Words
        {
            public static int CountLong(string[] words)
            {
                int count = 0;
                Parallel.ForEach(words, w => {|PG0100:count += w.Length > 5 ? 1 : 0|});
                return count;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        public static class Words
        {
            public static int CountLong(string[] words)
            {
                int count = 0;
                Parallel.ForEach(words, () => 0, (w, _, localCount) => localCount + (w.Length > 5 ? 1 : 0), localCount => Interlocked.Add(ref count, localCount));
                return count;
            }
        }
        """);

    [Fact]
    public Task A_double_sum_with_an_early_return_combines_under_a_lock() => Fix("""
        using System.Threading.Tasks;

        public static class Physics
        {
            public static double TotalEnergy(double[] masses)
            {
                double energy = 0;
                Parallel.For(0, masses.Length, i =>
                {
                    if (masses[i] <= 0)
                    {
                        return;
                    }

                    {|PG0100:energy += masses[i] * 9.81|};
                });
                return energy;
            }
        }
        """, """
        using System.Threading.Tasks;

        public static class Physics
        {
            public static double TotalEnergy(double[] masses)
            {
                double energy = 0;
                object energyLock = new object();
                Parallel.For(0, masses.Length, () => 0.0, (i, _, localEnergy) =>
                {
                    if (masses[i] <= 0)
                    {
                        return localEnergy;
                    }

                    localEnergy += masses[i] * 9.81;
                    return localEnergy;
                }, localEnergy => { lock (energyLock) { energy += localEnergy; } });
                return energy;
            }
        }
        """);
}
