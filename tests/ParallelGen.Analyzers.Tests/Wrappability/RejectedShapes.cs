using System.Collections.Generic;
using static ParallelGen.Analyzers.Tests.Wrappability.Shape;

namespace ParallelGen.Analyzers.Tests.Wrappability;

/// <summary>Shapes the rule rejects: each gets a usage error and no wrappers, whatever the rule's severity.</summary>
internal static class RejectedShapes
{
    public static IEnumerable<Shape> All() =>
    [
        // PG0002: parameters a work item cannot carry.
        InClass("ref parameter", "PG0002", "[Parallelizable] public static int F(ref int x) => x;"),
        InClass("out parameter", "PG0002", "[Parallelizable] public static int F(out int x) { x = 1; return x; }"),
        InClass("in parameter", "PG0002", "[Parallelizable] public static int F(in int x) => x;"),
        InClass("ref readonly parameter", "PG0002", "[Parallelizable] public static int F(ref readonly int x) => x;"),
        InClass("pointer parameter", "PG0002", "[Parallelizable] public static unsafe int F(int* x) => *x;"),
        InClass("array of pointers", "PG0002", "[Parallelizable] public static unsafe int F(int*[] x) => x.Length;"),
        InClass("jagged array of pointers", "PG0002", "[Parallelizable] public static unsafe int F(int*[][] x) => x.Length;"),
        InClass("function pointer", "PG0002", "[Parallelizable] public static unsafe int F(delegate*<int, int> f) => f(1);"),
        InClass("array of function pointers", "PG0002", "[Parallelizable] public static unsafe int F(delegate*<int>[] f) => f.Length;"),
        InClass("span parameter", "PG0002", "[Parallelizable] public static int F(Span<int> x) => x.Length;"),
        InClass("read-only span parameter", "PG0002", "[Parallelizable] public static int F(ReadOnlySpan<char> x) => x.Length;"),
#if !ROSLYN4_8 // C# 13
        InClass("params span", "PG0002", "[Parallelizable] public static int F(params ReadOnlySpan<int> x) => x.Length;"),
#endif
        File("own ref struct parameter", "PG0002", "namespace Table;\npublic ref struct R { public int V; }\npublic partial class C\n{\n    [Parallelizable] public static int F(R r) => r.V;\n}\n"),
        InClass("scoped ref parameter", "PG0002", "[Parallelizable] public static int F(scoped ref int x) => x;"),
        InClass("__arglist", "PG0002", "[Parallelizable] public static int F(int x, __arglist) => x;"),
        InClass("two bad parameters", "PG0002", "[Parallelizable] public static int F(ref int a, Span<int> b) => a;"),

        // PG0003: returns the wrappers cannot carry.
        InClass("ref return", "PG0003", "private static int s_v;\n[Parallelizable] public static ref int F(int x) => ref s_v;"),
        InClass("ref readonly return", "PG0003", "private static int s_v;\n[Parallelizable] public static ref readonly int F(int x) => ref s_v;"),
        InClass("span return", "PG0003", "[Parallelizable] public static Span<int> F(int[] x) => x;"),
        InClass("pointer return", "PG0003", "[Parallelizable] public static unsafe int* F(int x) => null;"),
        InClass("array of pointers return", "PG0003", "[Parallelizable] public static unsafe int*[] F(int x) => new int*[x];"),
        InClass("async void", "PG0003", "[Parallelizable] public static async void F(int x) => await Task.Delay(x);"),
        InClass("IAsyncEnumerable", "PG0003", "[Parallelizable] public static async IAsyncEnumerable<int> F(int x) { await Task.Yield(); yield return x; }"),
        InClass("IAsyncEnumerable without async", "PG0003", "[Parallelizable] public static IAsyncEnumerable<int>? F(int x) => null;"),
        InClass("bad parameter and return", "PG0002,PG0003", "[Parallelizable] public static Span<int> F(Span<int> x) => x;"),

        // PG0001: types not partial.
        File("type not partial", "PG0001", "namespace Table;\npublic class C\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("outer type not partial", "PG0001", "namespace Table;\npublic class Outer\n{\n    public partial class C\n    {\n        [Parallelizable] public static int F(int x) => x;\n    }\n}\n"),
        File("struct not partial", "PG0001", "namespace Table;\npublic struct S\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),
        File("record not partial", "PG0001", "namespace Table;\npublic record R\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),
        File("not partial and bad parameter", "PG0001,PG0002", "namespace Table;\npublic class C\n{\n    [Parallelizable] public static int F(ref int x) => x;\n}\n"),

        // PG0012: types that cannot hold wrappers.
        File("interface static method", "PG0012", "namespace Table;\npublic partial interface I\n{\n    [Parallelizable] static int F(int x) => x;\n}\n"),
        File("interface default method", "PG0012", "namespace Table;\npublic partial interface I\n{\n    [Parallelizable] int F(int x) => x;\n}\n"),
        File("interface abstract method", "PG0012", "namespace Table;\npublic interface I\n{\n    [Parallelizable] int F(int x);\n}\n"),
        File("class nested in an interface", "PG0012", "namespace Table;\npublic partial interface I\n{\n    public partial class C\n    {\n        [Parallelizable] public static int F(int x) => x;\n    }\n}\n"),
        File("file-local type", "PG0012", "namespace Table;\nfile partial class C\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("type nested in a file-local type", "PG0012", "namespace Table;\nfile partial class Outer\n{\n    public partial class C\n    {\n        [Parallelizable] public static int F(int x) => x;\n    }\n}\n"),
        File("instance method of a ref struct", "PG0012", "namespace Table;\npublic ref partial struct S\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),

        // PG0005: not an ordinary method.
        File("explicit interface implementation", "PG0005", "namespace Table;\npublic interface I { int F(int x); }\npublic partial class C : I\n{\n    [Parallelizable] int I.F(int x) => x;\n}\n"),
        InClass("operator", "PG0005", "[Parallelizable] public static C operator +(C a, C b) => a;"),
        InClass("conversion", "PG0005", "[Parallelizable] public static implicit operator int(C c) => 0;"),
        InClass("local function", "PG0005", "public static int Run()\n{\n    [Parallelizable] static int Local(int x) => x;\n    return Local(1);\n}"),
        InClass("lambda", "PG0005", "public static Func<int, int> Run() => [Parallelizable] (int x) => x;"),
        InClass("property accessor", "PG0005", "public static int P { [Parallelizable] get => 1; }"),

        // PG0010: Name that cannot prefix an identifier.
        InClass("Name empty", "PG0010", "[Parallelizable(Name = \"\")] public static int F(int x) => x;"),
        InClass("Name white space", "PG0010", "[Parallelizable(Name = \" \")] public static int F(int x) => x;"),
        InClass("Name with a space", "PG0010", "[Parallelizable(Name = \"not valid\")] public static int F(int x) => x;"),
        InClass("Name with a tab", "PG0010", "[Parallelizable(Name = \"a\\tb\")] public static int F(int x) => x;"),
        InClass("Name with surrounding space", "PG0010", "[Parallelizable(Name = \" Thumbs \")] public static int F(int x) => x;"),
        InClass("Name starting with a digit", "PG0010", "[Parallelizable(Name = \"1x\")] public static int F(int x) => x;"),
        InClass("Name with an at sign", "PG0010", "[Parallelizable(Name = \"@class\")] public static int F(int x) => x;"),
        InClass("Name with a dash", "PG0010", "[Parallelizable(Name = \"a-b\")] public static int F(int x) => x;"),
        InClass("Name with a dot", "PG0010", "[Parallelizable(Name = \"a.b\")] public static int F(int x) => x;"),
        InClass("Name with a generic", "PG0010", "[Parallelizable(Name = \"F<T>\")] public static int F(int x) => x;"),
        InClass("Name with a formatting character", "PG0010", "[Parallelizable(Name = \"a\\u200Db\")] public static int F(int x) => x;"),
        InClass("Name with a NUL", "PG0010", "[Parallelizable(Name = \"a\\0b\")] public static int F(int x) => x;"),
        InClass("Name with an emoji", "PG0010", "[Parallelizable(Name = \"a\\U0001F600\")] public static int F(int x) => x;"),
        InClass("Name with a newline", "PG0010", "[Parallelizable(Name = \"a\\nb\")] public static int F(int x) => x;"),

        // PG0004: wrapper names already taken.
        InClass("clash with a method", "PG0004", "[Parallelizable] public static int F(int x) => x;\npublic static int FSubmit(int x) => x;"),
        InClass("clash with a field", "PG0004", "[Parallelizable] public static int F(int x) => x;\npublic static int FMap;"),
        InClass("clash with a property", "PG0004", "[Parallelizable] public static int F(int x) => x;\npublic static int FMapAsync => 0;"),
        InClass("clash with an event", "PG0004", "[Parallelizable] public static int F(int x) => x;\npublic static event Action? FAsCompleted { add { } remove { } }"),
        InClass("clash with a nested type", "PG0004", "[Parallelizable] public static int F(int x) => x;\npublic sealed class FSubmit { }"),
        InClass("clash with a constant", "PG0004", "[Parallelizable] public static int F(int x) => x;\npublic const int FMap = 1;"),
        InClass("clash through Name", "PG0004", "[Parallelizable(Name = \"G\")] public static int F(int x) => x;\npublic static void GMap() { }"),
        InClass("clash with a private member", "PG0004", "[Parallelizable] public static int F(int x) => x;\nprivate static int FMap() => FMap();"),
        File("clash with the type's name", "PG0004", "namespace Table;\npublic partial class FMap\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a type parameter", "PG0004", "namespace Table;\npublic partial class G<FSubmit>\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a public base member", "PG0004", "namespace Table;\npublic class A\n{\n    public static int FMap() => 0;\n}\npublic partial class B : A\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a protected base member", "PG0004", "namespace Table;\npublic class A\n{\n    protected int FSubmit;\n}\npublic partial class B : A\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with an internal base member", "PG0004", "namespace Table;\npublic class A\n{\n    internal void FAsCompleted() { }\n}\npublic partial class B : A\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a grandparent member", "PG0004", "namespace Table;\npublic class A\n{\n    public int FMapAsync { get; set; }\n}\npublic class A2 : A { }\npublic partial class B : A2\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a hidden base member", "PG0004", "namespace Table;\npublic class A\n{\n    public int FMap;\n}\npublic class A2 : A\n{\n    private new int FMap = 0;\n    public int Get() => FMap;\n}\npublic partial class B : A2\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a base nested type", "PG0004", "namespace Table;\npublic class A\n{\n    public class FSubmit { }\n}\npublic partial class B : A\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a generic base member", "PG0004", "namespace Table;\npublic class A<T>\n{\n    public T? FMap;\n}\npublic partial class B : A<int>\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with an interface default member", "PG0004", "namespace Table;\npublic interface I\n{\n    int FMap(IEnumerable<int> items) => 0;\n}\npublic partial class C : I\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("clash with a base's wrappers", "PG0004", "namespace Table;\npublic partial class A\n{\n    [Parallelizable] public virtual int F(int x) => x;\n}\npublic partial class B : A\n{\n    [Parallelizable] public override int F(int x) => x + 1;\n}\n"),
        File("clash with an inherited record member", "PG0004", "namespace Table;\npublic record A\n{\n    public int FMap { get; init; }\n}\npublic partial record B : A\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),

        // PG0011: two methods, one wrapper.
        InClass("overloads differ by a token", "PG0011", "[Parallelizable] public static int Twin(int x) => x;\n[Parallelizable] public static int Twin(int x, CancellationToken ct) => x;"),
        InClass("no parameters and only a token", "PG0011", "[Parallelizable] public static int F() => 1;\n[Parallelizable] public static int F(CancellationToken ct) => 2;"),
        InClass("same Name and item", "PG0011", "[Parallelizable(Name = \"Z\")] public static int G(int x) => x;\n[Parallelizable(Name = \"Z\")] public static int H(int x) => x;"),
        InClass("Name equal to another method's prefix", "PG0011", "[Parallelizable] public static int G(int x) => x;\n[Parallelizable(Name = \"G\")] public static int H(int y) => y;"),
        InClass("tuple parameter and two parameters", "PG0011", "[Parallelizable] public static int F((int, int) t) => t.Item1;\n[Parallelizable] public static int F(int a, int b) => a;"),
        InClass("async twin without the synchronous member", "PG0011", "[Parallelizable(Name = \"Fetch\")] public static int Get(int x) => x;\n[Parallelizable] public static Task<int> FetchAsync(int x) => Task.FromResult(x);"),
        InClass("generic overloads of one arity", "PG0011", "[Parallelizable] public static T F<T>(T x) => x;\n[Parallelizable] public static U F<U>(U x, CancellationToken ct) => x;"),
        InClass("collision only in Submit", "PG0011", "[Parallelizable] public static int F(int a, IExecutor? e, CancellationToken ct) => a;\n[Parallelizable(Name = \"F\")] public static int G(int a, IExecutor? e) => a;"),

        // Mixed: one method wrapped, another reported.
        InClass("one good, one bad", "PG0002", "[Parallelizable] public static int Good(int x) => x;\n[Parallelizable] public static int Bad(ref int x) => x;"),
        InClass("collision with a rejected method is none", "PG0002", "[Parallelizable] public static int F(int x) => x;\n[Parallelizable] public static int F(int x, ref int y) => x;"),
    ];
}
