using System.Collections.Generic;
using static ParallelGen.Analyzers.Tests.Wrappability.Shape;

namespace ParallelGen.Analyzers.Tests.Wrappability;

/// <summary>Shapes the rule accepts: each gets wrappers, no usage rule, and the wrappers compile without a warning.</summary>
internal static class AcceptedShapes
{
    public static IEnumerable<Shape> All() =>
    [
        // Parameters and returns.
        InClass("static one parameter", Wraps, "[Parallelizable] public static int F(int x) => x;"),
        InClass("instance method", Wraps, "[Parallelizable] public int F(int x) => x;"),
        InClass("no parameters", Wraps, "[Parallelizable] public static int F() => 1;"),
        InClass("only a cancellation token", Wraps, "[Parallelizable] public static int F(CancellationToken ct) => 1;"),
        InClass("token not last is part of the item", Wraps, "[Parallelizable] public static int F(CancellationToken ct, int x) => x;"),
        InClass("two tokens", Wraps, "[Parallelizable] public static int F(CancellationToken a, CancellationToken b) => 1;"),
        InClass("void", Wraps, "[Parallelizable] public static void F(int x) { }"),
        InClass("Task", Wraps, "[Parallelizable] public static Task F(int x) => Task.CompletedTask;"),
        InClass("ValueTask", Wraps, "[Parallelizable] public static ValueTask F(int x) => default;"),
        InClass("async Task of T", Wraps, "[Parallelizable] public static async Task<int> FetchAsync(int x) { await Task.Yield(); return x; }"),
        InClass("ValueTask of T", Wraps, "[Parallelizable] public static ValueTask<int> F(int x) => new(x);"),
        InClass("nullable Task is a value", Wraps, "[Parallelizable] public static Task? F(int x) => null;"),
        InClass("returns a sequence", Wraps, "[Parallelizable] public static IEnumerable<int> F(int x) => new[] { x };"),
        InClass("returns a named tuple", Wraps, "[Parallelizable] public static (int Low, int High) F(int x) => (x, x);"),
        InClass("returns nullable", Wraps, "[Parallelizable] public static string? F(int x) => null;"),
        InClass("returns a task of a tuple", Wraps, "[Parallelizable] public static Task<(int A, string B)> F(int x) => Task.FromResult((x, \"\"));"),
        InClass("returns an async enumerator", Wraps, "[Parallelizable] public static IAsyncEnumerator<int>? F(int x) => null;"),
        InClass("params array", Wraps, "[Parallelizable] public static int F(params int[] xs) => xs.Length;"),
        InClass("params after a default", Wraps, "[Parallelizable] public static int F(int a = 1, params string[] xs) => a + xs.Length;"),
#if !ROSLYN4_8 // C# 13
        InClass("params collection", Wraps, "[Parallelizable] public static int F(params List<int> xs) => xs.Count;"),
#endif
        InClass("optional without a default", Wraps, "[Parallelizable] public static int F(int a, [Optional] int b) => a + b;"),
        InClass("optional before a required parameter", Wraps, "[Parallelizable] public static int F([Optional] int a, int b) => a + b;"),
        InClass("optional with DefaultParameterValue", Wraps, "[Parallelizable] public static int F([Optional, DefaultParameterValue(5)] int a) => a;"),
        InClass("optional reference without a default", Wraps, "[Parallelizable] public static int F(int a, [Optional] string? s) => a;"),
        InClass("default struct values", Wraps, "[Parallelizable] public static long F(DateTime d = default, TimeSpan t = default) => d.Ticks + t.Ticks;"),
        InClass("default literals of every kind", Wraps, "public enum E { A = 1, B = -2 }\n[Parallelizable] public static string F(string s = \"a\\\"b\\n\", char c = '\\'', E e = E.B, E f = (E)7, double d = double.NaN, float r = float.NegativeInfinity, decimal m = 1.5m, long l = long.MinValue, int i = int.MinValue, uint u = 3, ulong ul = 4, short sh = -1, byte b = 2, sbyte sb = -3, bool ok = true, int? n = null, int? n2 = 4) => s;"),
        InClass("default of a type parameter", Wraps, "[Parallelizable] public static T? F<T>(T? x = default) => x;"),
        InClass("dynamic and object", Wraps, "[Parallelizable] public static object? F(dynamic d, object? o) => o;"),
        InClass("arrays of every shape", Wraps, "[Parallelizable] public static int F(int[,] a, int[][] b, string?[]? c) => 0;"),
        InClass("nested generic parameter", Wraps, "[Parallelizable] public static int F(List<Dictionary<string, int[]>> x) => x.Count;"),
#if !ROSLYN4_8 // C# 13
        InClass("ref struct as a type argument", Wraps, "[Parallelizable] public static int F(Func<int, int> f, Func<ReadOnlySpan<int>>? g) => f(1);"),
#endif
        InClass("delegates", Wraps, "[Parallelizable] public static void F(Action a, EventHandler? h) => a();"),
        InClass("nullable tuple", Wraps, "[Parallelizable] public static int F((int, string)? t) => 0;"),
        InClass("tuple parameter", Wraps, "[Parallelizable] public static int F((int a, int b) t) => t.a;"),
        InClass("eight parameters", Wraps, "[Parallelizable] public static int F(int a, int b, int c, int d, int e, int f, int g, int h) => a + h;"),
        InClass("nine parameters with names", Wraps, "[Parallelizable] public static int F(int a, int b, int c, int d, int e, int f, int g, int h, string i) => a + h;"),
        InClass("unsafe method without pointers", Wraps, "[Parallelizable] public static unsafe int F(int x) => x;"),
        InClass("extern method", Wraps, "[Parallelizable] [DllImport(\"none\")] public static extern int F(int x);"),
        InStaticClass("extension method", Wraps, "[Parallelizable] public static int F(this int x) => x;"),
        InClass("obsolete method", Wraps, "[Obsolete(\"old\")] [Parallelizable] public static int F(int x) => x;"),
        InClass("partial method", Wraps, "[Parallelizable] public static partial int F(int x);\npublic static partial int F(int x) => x;"),

        // Parameter and type parameter names the wrappers themselves use.
        InClass("parameter named items", Wraps, "[Parallelizable] public static int F(int items) => items;"),
        InClass("parameters named like every wrapper parameter", Wraps, "[Parallelizable] public static int F(int items, int options, int cancellationToken, int executor) => items;"),
        InClass("parameters named like their escapes", Wraps, "[Parallelizable] public static int F(int items, int _items, int __items) => items;"),
        InClass("parameter named __item", Wraps, "[Parallelizable] public static int F(int __item) => __item;"),
        InClass("parameters named __item and __ct", Wraps, "[Parallelizable] public static int F(int __item, int __ct) => __item;"),
        InClass("instance parameter named __self", Wraps, "[Parallelizable] public int F(int __self) => __self;"),
        InClass("instance parameters named __self, __item, __ct", Wraps, "[Parallelizable] public int F(int __self, int __item, CancellationToken __ct) => __self;"),
        InClass("keyword parameter names", Wraps, "[Parallelizable] public static int F(int @class, string @int, int @event) => @class;"),
        InClass("contextual keyword parameter names", Wraps, "[Parallelizable] public static int F(int value, int global, int var, int async, int await, int nameof) => value;"),
        InClass("tuple member parameter names", Wraps, "[Parallelizable] public static int F(int Item2, int Item1, int Rest, int ToString) => Item1;"),
        InClass("parameter named like the method", Wraps, "[Parallelizable] public static int F(int F) => F;"),
        InClass("parameter named like a wrapper", Wraps, "[Parallelizable] public static int F(int FMap, int FSubmit) => FMap;"),
        InClass("type parameter named items", Wraps, "[Parallelizable] public static items F<items>(items x) => x;"),
        InClass("type parameters named like wrapper parameters", Wraps, "[Parallelizable] public static int F<options, executor, cancellationToken>(options o, executor e) => 1;"),
        InClass("type parameter named __item", Wraps, "[Parallelizable] public static __item F<__item>(__item x) => x;"),
        InClass("type parameter named __ct", Wraps, "[Parallelizable] public static T F<T, __ct>(T x) => x;"),
        InClass("instance type parameter named __self", Wraps, "[Parallelizable] public T F<T, __self>(T x) => x;"),
        InClass("type parameter named TResult", Wraps, "[Parallelizable] public static TResult F<TResult>(TResult x) => x;"),

        // Generic methods.
        InClass("generic constraints", Wraps, "[Parallelizable] public static int F<A, B, D, E, G, H>(A a, B b, D d, E e, G g, H h) where A : class? where B : struct where D : unmanaged where E : notnull where G : IComparable<G>, new() where H : A => 1;"),
        InClass("enum and delegate constraints", Wraps, "[Parallelizable] public static int F<T, U>(T t, U u) where T : struct, Enum where U : Delegate => 1;"),
#if !ROSLYN4_8 // C# 13
        InClass("allows ref struct", Wraps, "[Parallelizable] public static int F<T>(int x) where T : allows ref struct => x;"),
#endif
        InClass("generic returning task", Wraps, "[Parallelizable] public static Task<T> F<T>(T x) => Task.FromResult(x);"),

        // Containing types.
        File("generic containing type", Wraps, "namespace Table;\npublic partial class G<T> where T : class\n{\n    [Parallelizable] public static T F(T x) => x;\n    [Parallelizable] public T I(T x) => x;\n}\n"),
        File("nested partial types", Wraps, "namespace Table;\npublic partial class Outer\n{\n    internal partial struct Middle\n    {\n        public partial record Inner\n        {\n            [Parallelizable] public static int F(int x) => x;\n        }\n    }\n}\n"),
        File("nested generic types", Wraps, "namespace Table;\npublic partial class Outer<T>\n{\n    public partial class Inner<U>\n    {\n        [Parallelizable] public static (T, U) F(T t, U u) => (t, u);\n    }\n}\n"),
        File("struct instance method", Wraps, "namespace Table;\npublic partial struct S\n{\n    public int K;\n    [Parallelizable] public int F(int x) => x + K;\n}\n"),
        File("readonly struct", Wraps, "namespace Table;\npublic readonly partial struct S\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),
        File("record class", Wraps, "namespace Table;\npublic partial record R(int K)\n{\n    [Parallelizable] public int F(int x) => x + K;\n}\n"),
        File("record struct", Wraps, "namespace Table;\npublic partial record struct R(int K)\n{\n    [Parallelizable] public int F(int x) => x + K;\n}\n"),
        File("readonly record struct", Wraps, "namespace Table;\npublic readonly partial record struct R(int K)\n{\n    [Parallelizable] public int F(int x) => x + K;\n}\n"),
        File("static method of a ref struct", Wraps, "namespace Table;\npublic ref partial struct S\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("abstract method", Wraps, "namespace Table;\npublic abstract partial class A\n{\n    [Parallelizable] public abstract int F(int x);\n}\n"),
        File("virtual and override", Wraps, "namespace Table;\npublic partial class A\n{\n    public virtual int F(int x) => x;\n}\npublic partial class B : A\n{\n    [Parallelizable] public override int F(int x) => x + 1;\n}\n"),
        File("sealed class", Wraps, "namespace Table;\npublic sealed partial class S\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),
        File("static class", Wraps, "namespace Table;\npublic static partial class S\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("global namespace", Wraps, "public partial class Global\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("block namespaces", Wraps, "namespace Table.One\n{\n    namespace Two\n    {\n        public partial class C\n        {\n            [Parallelizable] public static int F(int x) => x;\n        }\n    }\n}\n"),
        File("keyword namespace and type", Wraps, "namespace @class.@int;\npublic partial class @record\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("user types named System and ParallelGen", Wraps, "namespace Table;\npublic class System { }\npublic class ParallelGen { }\npublic partial class C\n{\n    [global::ParallelGen.Parallelizable] public static int F(int x) => x;\n}\n"),
        File("base with a private member of a wrapper's name", Wraps, "namespace Table;\npublic class A\n{\n    private static int FMap() => 0;\n    internal static int G() => FMap();\n}\npublic partial class B : A\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("type that hides a base method", Wraps, "namespace Table;\npublic class A\n{\n    public static int F(int x) => x;\n}\npublic partial class B : A\n{\n    [Parallelizable] public static new int F(int x) => x;\n}\n"),
        File("unsafe partial type", Wraps, "namespace Table;\npublic unsafe partial class U\n{\n    [Parallelizable] public static int F(int x) => x;\n}\n"),
        File("two declarations, one partial keyword each", Wraps, "namespace Table;\npublic partial class P\n{\n    [Parallelizable] public static int F(int x) => x;\n}\npublic partial class P\n{\n    public static int G() => 1;\n}\n"),
        File("interface implemented implicitly", Wraps, "namespace Table;\npublic interface I { int F(int x); }\npublic partial class C : I\n{\n    [Parallelizable] public int F(int x) => x;\n}\n"),

        // Accessibility.
        InClass("private", Wraps, "[Parallelizable] private static int F(int x) => x;"),
        InClass("internal", Wraps, "[Parallelizable] internal static int F(int x) => x;"),
        InClass("protected internal", Wraps, "[Parallelizable] protected internal static int F(int x) => x;"),
        InClass("private protected", Wraps, "[Parallelizable] private protected static int F(int x) => x;"),
        InClass("protected", Wraps, "[Parallelizable] protected static int F(int x) => x;"),

        // Names.
        InClass("Name", Wraps, "[Parallelizable(Name = \"Thumbs\")] public static int F(int x) => x;"),
        InClass("Name that is a keyword", Wraps, "[Parallelizable(Name = \"int\")] public static int F(int x) => x;"),
        InClass("Name that is an underscore", Wraps, "[Parallelizable(Name = \"_\")] public static int F(int x) => x;"),
        InClass("Name in unicode", Wraps, "[Parallelizable(Name = \"Größe\")] public static int F(int x) => x;"),
        InClass("Name with digits after the start", Wraps, "[Parallelizable(Name = \"x1\")] public static int F(int x) => x;"),
        InClass("Name written with a unicode escape", Wraps, "[Parallelizable(Name = \"\\u0041b\")] public static int F(int x) => x;"),
        InClass("Name that is a contextual keyword", Wraps, "[Parallelizable(Name = \"await\")] public static int F(int x) => x;"),
        InClass("Name null", Wraps, "[Parallelizable(Name = null)] public static int F(int x) => x;"),
        InClass("Name from a constant", Wraps, "private const string Prefix = \"Thumbs\";\n[Parallelizable(Name = Prefix)] public static int F(int x) => x;"),
        InClass("method named with a keyword", Wraps, "[Parallelizable] public static int @class(int x) => x;"),
        InClass("method named in unicode", Wraps, "[Parallelizable] public static int Größe(int x) => x;"),
        InClass("method named like a wrapper suffix", Wraps, "[Parallelizable] public static int Map(int x) => x;"),
        InClass("async suffix dropped", Wraps, "[Parallelizable] public static Task<int> FetchAsync(int x) => Task.FromResult(x);"),
        InClass("async suffix kept beside a synchronous twin", Wraps, "[Parallelizable] public static int Fetch(int x) => x;\n[Parallelizable] public static Task<int> FetchAsync(int x) => Task.FromResult(x);"),
        InClass("method named Async", Wraps, "[Parallelizable] public static Task<int> Async(int x) => Task.FromResult(x);"),

        // Several methods.
        InClass("distinct overloads", Wraps, "[Parallelizable] public static int F(int x) => x;\n[Parallelizable] public static int F(string x) => 0;\n[Parallelizable] public static int F(int x, int y) => x;"),
        InClass("overloads of different arity", Wraps, "[Parallelizable] public static int F(int x) => x;\n[Parallelizable] public static T F<T>(T x) => x;"),
        InClass("same Name, different items", Wraps, "[Parallelizable(Name = \"Z\")] public static int G(int x) => x;\n[Parallelizable(Name = \"Z\")] public static int H(string x) => 0;"),
        InClass("overload collision avoided with Name", Wraps, "[Parallelizable] public static int Twin(int x) => x;\n[Parallelizable(Name = \"TwinWithToken\")] public static int Twin(int x, CancellationToken ct) => x;"),
        InClass("a method named like another's wrapper is not one", Wraps, "[Parallelizable] public static int F(int x) => x;\n[Parallelizable] public static int G(int x) => x;"),
    ];
}
