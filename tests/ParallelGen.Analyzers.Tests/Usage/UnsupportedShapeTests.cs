using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static ParallelGen.Analyzers.Tests.Usage.UsageVerifier;

namespace ParallelGen.Analyzers.Tests.Usage;

/// <summary>PG0002 (parameters) and PG0003 (returns): shapes a work item cannot carry.</summary>
public class UnsupportedShapeTests
{
    [Fact]
    public Task Reports_ref_out_and_in_parameters() => Verify("""
        using ParallelGen;
        public static partial class Work
        {
            [Parallelizable] public static void A({|PG0002:ref int x|}) { }
            [Parallelizable] public static void B({|PG0002:out int x|}) { x = 1; }
            [Parallelizable] public static void C({|PG0002:in int x|}) { }
            [Parallelizable] public static void D({|PG0002:ref readonly int x|}) { }
        }
        """);

    [Fact]
    public Task Reports_pointers_and_ref_structs() => Verify("""
        using System;
        using ParallelGen;
        public static unsafe partial class Work
        {
            [Parallelizable] public static int A({|PG0002:int* p|}) => *p;
            [Parallelizable] public static int B({|PG0002:Span<int> s|}) => s.Length;
            [Parallelizable] public static int C({|PG0002:ReadOnlySpan<char> s|}) => s.Length;
            [Parallelizable] public static int D({|PG0002:delegate*<int> f|}) => f();
            [Parallelizable] public static int E(int ok, {|PG0002:Ref r|}) => ok;
        }
        public ref struct Ref { }
        """);

    [Fact]
    public async Task The_message_names_the_parameter_the_method_and_the_problem()
    {
        var run = await Verify("""
            using System;
            using ParallelGen;
            public static partial class Work
            {
                [Parallelizable] public static int Sum({|PG0002:Span<int> values|}) => values.Length;
            }
            """);

        var message = run.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'values'", message);
        Assert.Contains("Work.Sum", message);
        Assert.Contains("ref struct 'Span<int>'", message);
    }

    [Fact]
    public Task Is_silent_for_parameters_a_work_item_can_carry() => Verify("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;
        public static partial class Work
        {
            [Parallelizable] public static int A(int x, string s, int[] values, List<int> list, (int, string) pair, Memory<int> memory, CancellationToken ct) => x;
            [Parallelizable] public static async Task<int> B(int x, CancellationToken ct) { await Task.Yield(); return x; }
            [Parallelizable] public static T C<T>(T value, params int[] rest) => value;
            [Parallelizable] public static void D() { }
        }
        """);

    [Fact]
    public Task Reports_ref_returns_pointers_and_ref_structs() => Verify("""
        using System;
        using ParallelGen;
        public static unsafe partial class Work
        {
            private static int field;
            [Parallelizable] public static {|PG0003:ref int|} A(int x) => ref field;
            [Parallelizable] public static {|PG0003:ref readonly int|} B(int x) => ref field;
            [Parallelizable] public static {|PG0003:int*|} C(int x) => null;
            [Parallelizable] public static {|PG0003:Span<int>|} D(int x) => default;
        }
        """);

    [Fact]
    public Task Reports_async_void_and_IAsyncEnumerable() => Verify("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ParallelGen;
        public static partial class Work
        {
            [Parallelizable] public static async {|PG0003:void|} Fire(int x) { await Task.Yield(); }
            [Parallelizable] public static async {|PG0003:IAsyncEnumerable<int>|} Stream(int x) { await Task.Yield(); yield return x; }
            [Parallelizable] public static {|PG0003:IAsyncEnumerable<string>|} Plain(int x) => null!;
        }
        """);

    [Fact]
    public Task Is_silent_for_returns_a_work_item_can_carry() => Verify("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ParallelGen;
        public static partial class Work
        {
            [Parallelizable] public static void A(int x) { }
            [Parallelizable] public static async Task B(int x) { await Task.Yield(); }
            [Parallelizable] public static async ValueTask<int> C(int x) { await Task.Yield(); return x; }
            [Parallelizable] public static IEnumerable<int> D(int x) { yield return x; }
            [Parallelizable] public static (int, string) E(int x) => (x, "");
            [Parallelizable] public static int[] F(int x) => new[] { x };
        }
        """);

    [Fact]
    public Task Reports_each_problem_of_one_method() => Verify("""
        using System;
        using ParallelGen;
        public static class Work
        {
            [Parallelizable] public static {|PG0003:Span<int>|} {|PG0001:All|}({|PG0002:ref int a|}, {|PG0002:out int b|}) { b = a; return default; }
        }
        """);

    [Fact]
    public Task Is_silent_for_unsupported_shapes_without_the_attribute() => Verify("""
        using System;
        public static class Work
        {
            public static Span<int> A(ref int a, out int b, Span<int> s) { b = a; return s; }
            public static async void B() { await System.Threading.Tasks.Task.Yield(); }
        }
        """);
}
