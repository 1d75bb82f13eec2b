using System;
using System.Threading.Tasks;
using static ParallelGen.Analyzers.Tests.Usage.UsageVerifier;

namespace ParallelGen.Analyzers.Tests.Usage;

/// <summary>PG0005: [Parallelizable] on a local function, lambda, accessor, operator and other non-ordinary methods.</summary>
public class NotAMethodTests
{
    [Fact]
    public Task Reports_local_functions_and_lambdas() => Verify("""
        using System;
        using ParallelGen;
        public partial class Work
        {
            public int Run()
            {
                [{|PG0005:Parallelizable|}]
                static int Local(int x) => x;

                Func<int, int> f = [{|PG0005:Parallelizable|}] (int x) => x;
                return Local(1) + f(2);
            }
        }
        """);

    [Fact]
    public Task Reports_accessors_operators_conversions_and_finalizers() => Verify("""
        using ParallelGen;
        public partial class Work
        {
            public int Value
            {
                [{|PG0005:Parallelizable|}] get => 1;
                [{|PG0005:Parallelizable|}] set { }
            }

            public event Action? Changed
            {
                [{|PG0005:Parallelizable|}] add { }
                [{|PG0005:Parallelizable|}] remove { }
            }

            [{|PG0005:Parallelizable|}]
            public static Work operator +(Work a, Work b) => a;

            [{|PG0005:Parallelizable|}]
            public static implicit operator int(Work w) => 0;

            [{|PG0005:Parallelizable|}]
            ~Work() { }
        }
        public delegate void Action();
        """);

    [Fact]
    public Task Reports_explicit_interface_implementations() => Verify("""
        using ParallelGen;
        public interface IWork { int Do(int x); }
        public partial class Work : IWork
        {
            [{|PG0005:Parallelizable|}]
            int IWork.Do(int x) => x;
        }
        """);

    [Fact]
    public Task Is_silent_for_ordinary_methods_of_every_kind() => Verify("""
        using System.Threading.Tasks;
        using ParallelGen;
        public partial class Work
        {
            [Parallelizable] public int Instance(int x) => x;
            [Parallelizable] public static int Static(int x) => x;
            [Parallelizable] public T Generic<T>(T x) => x;
            [Parallelizable] internal async Task<int> Async(int x) { await Task.Yield(); return x; }
            [Parallelizable] private protected virtual int Virtual(int x) => x;
        }
        public static partial class Extensions
        {
            [Parallelizable] public static int Twice(this int x) => 2 * x;
        }
        """);

    [Fact]
    public Task Is_silent_for_lambdas_and_local_functions_with_other_attributes() => Verify("""
        using System;
        using System.Diagnostics.CodeAnalysis;
        public class Work
        {
            public int Run()
            {
                [return: NotNull]
                static string Local(string? x) => x ?? "";

                Func<int, int> f = [Obsolete] (int x) => x;
                return Local(null).Length + f(1);
            }
        }
        """);
}
