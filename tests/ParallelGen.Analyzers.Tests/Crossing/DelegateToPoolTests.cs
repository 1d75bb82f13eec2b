using System.Threading.Tasks;
using static ParallelGen.Analyzers.Tests.Crossing.CrossingVerifier;

namespace ParallelGen.Analyzers.Tests.Crossing;

/// <summary>PG0007: a lambda or delegate handed to a process pool cannot cross.</summary>
public class DelegateToPoolTests
{
    [Fact]
    public Task Reports_lambdas_method_groups_and_delegate_values_given_to_the_pool() => Verify("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        public static class Caller
        {
            private static int Twice(int x) => x * 2;

            public static void Go(ProcessPoolExecutor pool, int[] items, Func<int, int> body)
            {
                pool.Submit({|PG0007:ct => new ValueTask<int>(1)|});
                pool.Map(items, {|PG0007:x => x + 1|});
                pool.Map(items, {|PG0007:Twice|});
                pool.AsCompleted(items, {|PG0007:body|});
            }
        }
        """);

    /// <summary>The analyzer screens invocations by their syntax before binding them: every way of writing the call must pass the screen.</summary>
    [Fact]
    public Task Reports_pool_calls_however_they_are_written() => Verify("""
        using System;
        using System.Threading.Tasks;
        using ParallelGen;

        public sealed class Caller
        {
            private readonly Func<int[]> _later;

            public Caller(ProcessPoolExecutor pool, int[] items) => _later = () => pool.Map(items, {|PG0007:x => x - 1|});

            public static void Go(ProcessPoolExecutor? maybe, ProcessPoolExecutor pool, int[] items)
            {
                maybe?.Map(items, {|PG0007:x => x + 1|});
                pool.Map<int, long>(items, {|PG0007:x => x * 2L|});
                (pool).Submit({|PG0007:ct => new ValueTask<int>(2)|});
                Action later = () => pool.Map(items, {|PG0007:x => x * 3|});
                void Local() => pool.Submit({|PG0007:ct => new ValueTask<int>(4)|});
                later();
                Local();
            }
        }
        """);

    [Fact]
    public Task Is_silent_for_other_executors() => Verify("""
        using System;
        using System.Threading.Tasks;
        using ParallelGen;

        public static class Caller
        {
            public static void Go(ThreadPoolExecutor threads, IExecutor any, int[] items)
            {
                threads.Submit(ct => new ValueTask<int>(1));
                threads.Map(items, x => x + 1);
                any.Map(items, x => x + 1);
            }
        }
        """);
}
