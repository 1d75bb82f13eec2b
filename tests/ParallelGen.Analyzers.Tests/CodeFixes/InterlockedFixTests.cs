using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>PG0101/PG0102: counters on shared int/long fields become Interlocked calls.</summary>
public class InterlockedFixTests
{
    private static Task<string> Fix(string markup, string expected, int iterations = 10) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new UseInterlockedCodeFix(), Iterations = iterations }.VerifyAsync(markup, expected);

    [Fact]
    public Task Static_counter_increment_becomes_Interlocked_Increment() => Fix("""
        using System.Threading.Tasks;

        public static class Stats
        {
            private static int processed;

            public static void Run(int n)
            {
                Parallel.For(0, n, i =>
                {
                    {|PG0101:processed++|};
                });
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        public static class Stats
        {
            private static int processed;

            public static void Run(int n)
            {
                Parallel.For(0, n, i =>
                {
                    Interlocked.Increment(ref processed);
                });
            }
        }
        """);

    [Fact]
    public Task Instance_total_add_becomes_Interlocked_Add() => Fix("""
        using ParallelGen;

        public partial class Meter
        {
            private long total;

            [Parallelizable]
            public void Record(int bytes)
            {
                {|PG0102:total += bytes|};
            }
        }
        """, """
        using System.Threading;
        using ParallelGen;

        public partial class Meter
        {
            private long total;

            [Parallelizable]
            public void Record(int bytes)
            {
                Interlocked.Add(ref total, bytes);
            }
        }
        """);

    [Fact]
    public Task Subtraction_decrement_and_a_used_postfix_value_keep_their_meaning() => Fix("""
        using System.Threading;
        using System.Threading.Tasks;

        public class Pool
        {
            private int free = 100;
            private long budget = 1000;

            public int[] Take(int n)
            {
                var tickets = new int[n];
                Parallel.For(0, n, i =>
                {
                    {|PG0102:budget -= i + 1|};
                    {|PG0102:free--|};
                    tickets[i] = {|PG0102:free++|};
                });
                return tickets;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        public class Pool
        {
            private int free = 100;
            private long budget = 1000;

            public int[] Take(int n)
            {
                var tickets = new int[n];
                Parallel.For(0, n, i =>
                {
                    Interlocked.Add(ref budget, -(i + 1));
                    Interlocked.Decrement(ref free);
                    tickets[i] = (Interlocked.Increment(ref free) - 1);
                });
                return tickets;
            }
        }
        """);

    [Fact]
    public Task A_captured_int_counter_is_also_fixable_with_Interlocked() => Fix("""
        using System.Linq;
        using System.Threading.Tasks;

        public static class Primes
        {
            public static int Count(int[] numbers)
            {
                int count = 0;
                Parallel.ForEach(numbers, n =>
                {
                    if (Enumerable.Range(2, n).All(d => d * d > n || n % d != 0))
                    {
                        {|PG0100:count++|};
                    }
                });
                return count;
            }
        }
        """, """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        public static class Primes
        {
            public static int Count(int[] numbers)
            {
                int count = 0;
                Parallel.ForEach(numbers, n =>
                {
                    if (Enumerable.Range(2, n).All(d => d * d > n || n % d != 0))
                    {
                        Interlocked.Increment(ref count);
                    }
                });
                return count;
            }
        }
        """);
}
