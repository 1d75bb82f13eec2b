using System.Collections.Generic;

namespace ParallelGen.Tests.Shared;

/// <summary>
/// C# sources of <c>[Parallelizable]</c> methods in the shapes users write, as plain strings: the generator's
/// snapshot and run tests compile them, and robustness tests (generator and analyzers) mutate them.
/// Each wrappable source is a whole file that compiles without warnings against the ParallelGen runtime
/// (nullable enabled); each unwrappable one holds a method the generator skips and the analyzers report.
/// </summary>
public static class ShapeSources
{
    /// <summary>The first end-to-end path: a static one-parameter method in a static partial class.</summary>
    public const string StaticOneParameter = """
        using ParallelGen;

        namespace Demo;

        public static partial class Numbers
        {
            [Parallelizable]
            public static int Square(int value) => value * value;
        }
        """;

    /// <summary>Several parameters: items are named value tuples, as <c>starmap</c>.</summary>
    public const string StaticManyParameters = """
        using System.Globalization;
        using ParallelGen;

        namespace Demo.Many;

        public static partial class Labels
        {
            [Parallelizable]
            public static string Describe(string name, int count, double weight) =>
                string.Create(CultureInfo.InvariantCulture, $"{name}:{count}:{weight}");
        }
        """;

    /// <summary>An instance method: instance wrappers that call through the receiver.</summary>
    public const string InstanceMethod = """
        using ParallelGen;

        namespace Demo.Instances;

        public sealed partial class Scaler
        {
            private readonly int _factor;

            public Scaler(int factor) => _factor = factor;

            [Parallelizable]
            public int Scale(int value) => value * _factor;
        }
        """;

    /// <summary>No parameters (only <c>XSubmit</c>), also with only a cancellation token.</summary>
    public const string ZeroParameters = """
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        namespace Demo.Zero;

        public static partial class Constants
        {
            [Parallelizable]
            public static int Answer() => 42;

            [Parallelizable]
            public static async Task<bool> ProbeAsync(CancellationToken cancellationToken)
            {
                await Task.Yield();
                return cancellationToken.CanBeCanceled;
            }
        }
        """;

    /// <summary>Default values of every literal kind and a <c>params</c> array, kept by <c>XSubmit</c>.</summary>
    public const string DefaultsAndParams = """
        using System;
        using ParallelGen;

        namespace Demo.Defaults;

        public enum Align
        {
            Left = 1,
            Right = -1,
        }

        public static partial class Text
        {
            [Parallelizable]
            public static string Join(string separator = "-", params string[] parts) => string.Join(separator, parts);

            [Parallelizable]
            public static string Pad(
                string text,
                int width = 6,
                char fill = '.',
                Align align = Align.Right,
                bool upper = false,
                double scale = 1.5,
                float ratio = 0.25f,
                decimal price = 2.5m,
                long big = 10_000_000_000L,
                string? suffix = null,
                int? maybe = null,
                string quoted = "a\"b\\c\n",
                DateTime when = default) =>
                FormattableString.Invariant($"{(align == Align.Right ? text.PadLeft(width, fill) : text.PadRight(width, fill))}|{upper}|{scale}|{ratio}|{price}|{big}|{suffix ?? "null"}|{maybe?.ToString() ?? "null"}|{quoted.Length}|{when.Ticks}");
        }
        """;

    /// <summary>A trailing <c>CancellationToken</c> is not part of an item: the wrapper passes its own token.</summary>
    public const string TrailingCancellationToken = """
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        namespace Demo.Tokens;

        public static partial class Slow
        {
            [Parallelizable]
            public static async Task<int> SquareAsync(int value, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                return value * value;
            }

            [Parallelizable]
            public static string Combine(string left, string right, CancellationToken token)
            {
                token.ThrowIfCancellationRequested();
                return left + right;
            }
        }
        """;

    /// <summary>Every return shape: <c>void</c>, <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>.</summary>
    public const string ReturnKinds = """
        using System.Collections.Concurrent;
        using System.Threading.Tasks;
        using ParallelGen;

        namespace Demo.Returns;

        public static partial class Work
        {
            public static ConcurrentQueue<int> Seen { get; } = new();

            [Parallelizable]
            public static void Record(int value) => Seen.Enqueue(value);

            [Parallelizable]
            public static async Task RecordAsync(int value)
            {
                await Task.Yield();
                Seen.Enqueue(value);
            }

            [Parallelizable]
            public static async Task<int> DoubleAsync(int value)
            {
                await Task.Yield();
                return value * 2;
            }

            [Parallelizable]
            public static async ValueTask RecordValueAsync(int value)
            {
                await Task.Yield();
                Seen.Enqueue(value);
            }

            [Parallelizable]
            public static async ValueTask<int> TripleAsync(int value)
            {
                await Task.Yield();
                return value * 3;
            }
        }
        """;

    /// <summary>Generic methods with every kind of constraint.</summary>
    public const string GenericMethods = """
        using System;
        using ParallelGen;

        namespace Demo.Generics;

        public static partial class Generic
        {
            [Parallelizable]
            public static T Echo<T>(T value) => value;

            [Parallelizable]
            public static string Describe<TKey, TValue>(TKey key, TValue value)
                where TKey : class, IComparable<TKey>
                where TValue : struct =>
                key + "=" + value.ToString();

            [Parallelizable]
            public static T Make<T>(int seed)
                where T : new() => new T();

            [Parallelizable]
            public static int Bits<T>(T value)
                where T : unmanaged => value.GetHashCode() & 0xFF;

            [Parallelizable]
            public static string Show<T>(T value)
                where T : notnull => value.ToString() ?? string.Empty;

            [Parallelizable]
            public static string? Maybe<T>(T? value)
                where T : class? => value?.ToString();
        }
        """;

    /// <summary>Methods of a generic type with a constraint.</summary>
    public const string GenericContainingType = """
        using ParallelGen;

        namespace Demo.Boxes;

        public partial class Box<T>
            where T : notnull
        {
            private readonly T _label;

            public Box(T label) => _label = label;

            [Parallelizable]
            public string Wrap(T value) => _label.ToString() + ":" + value.ToString();

            [Parallelizable]
            public static T Left(T left, T right) => left;
        }
        """;

    /// <summary>Several levels of nesting, a generic level and a struct level, in a block namespace.</summary>
    public const string NestedTypes = """
        using ParallelGen;

        namespace Demo.Nested
        {
            public static partial class Outer
            {
                public partial class Middle<TMiddle>
                {
                    internal partial struct Inner
                    {
                        [Parallelizable]
                        public static string Tag(TMiddle value, int depth) => value + "@" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        """;

    /// <summary>Instance methods of a mutable and a readonly struct.</summary>
    public const string StructContainingTypes = """
        using ParallelGen;

        namespace Demo.Structs;

        public partial struct Counter
        {
            public int Step { get; set; }

            [Parallelizable]
            public readonly int Advance(int value) => value + Step;
        }

        public readonly partial struct Scale
        {
            public Scale(int factor) => Factor = factor;

            public int Factor { get; }

            [Parallelizable]
            public int Apply(int value) => value * Factor;
        }
        """;

    /// <summary>Instance methods of a record and a readonly record struct.</summary>
    public const string RecordContainingTypes = """
        using ParallelGen;

        namespace Demo.Records;

        public partial record Person(string Name)
        {
            [Parallelizable]
            public string Greet(string greeting) => greeting + ", " + Name;
        }

        public readonly partial record struct Point(int X, int Y)
        {
            [Parallelizable]
            public int Dot(int x, int y) => (X * x) + (Y * y);
        }
        """;

    /// <summary>An internal static class in a block namespace with the using inside it.</summary>
    public const string BlockNamespace = """
        namespace Demo.Blocks
        {
            using ParallelGen;

            internal static partial class Strings
            {
                [Parallelizable]
                internal static int Length(string text) => text.Length;
            }
        }
        """;

    /// <summary>A type in the global namespace.</summary>
    public const string GlobalNamespace = """
        using ParallelGen;

        public partial class GlobalShapes
        {
            [Parallelizable]
            public int Twice(int value) => value * 2;
        }
        """;

    /// <summary>Every accessibility, mirrored by the wrappers.</summary>
    public const string Accessibility = """
        using ParallelGen;

        namespace Demo.Access;

        public partial class Visibility
        {
            [Parallelizable]
            public static int Public(int value) => value;

            [Parallelizable]
            internal static int Internal(int value) => value + 1;

            [Parallelizable]
            protected static int Protected(int value) => value + 2;

            [Parallelizable]
            protected internal static int ProtectedInternal(int value) => value + 3;

            [Parallelizable]
            private protected static int PrivateProtected(int value) => value + 4;

            [Parallelizable]
            private static int Private(int value) => value + 5;

            public static int CallHidden() =>
                ProtectedMap(new[] { 0 })[0] + PrivateProtectedMap(new[] { 0 })[0] + PrivateMap(new[] { 0 })[0];
        }
        """;

    /// <summary><c>Name</c> renames the prefix; the other attribute values reach the runtime.</summary>
    public const string RenamedPrefix = """
        using ParallelGen;

        namespace Demo.Renamed;

        public static partial class Images
        {
            [Parallelizable(Name = "Thumbs", MaxDegreeOfParallelism = 2, ChunkSize = 4)]
            public static string Resize(string path, int width) => path + "@" + width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """;

    /// <summary>Overloads get overloaded wrappers.</summary>
    public const string Overloads = """
        using ParallelGen;

        namespace Demo.Overloads;

        public static partial class Geometry
        {
            [Parallelizable]
            public static int Area(int side) => side * side;

            [Parallelizable]
            public static int Area(int width, int height) => width * height;

            [Parallelizable]
            public static double Area(double radius) => 3 * radius * radius;
        }
        """;

    /// <summary>Parameter names that are keywords, reserved tuple names, or the wrappers' own parameter names.</summary>
    public const string AwkwardNames = """
        using System.Globalization;
        using ParallelGen;

        namespace Demo.Names;

        public static partial class Awkward
        {
            [Parallelizable]
            public static string Odd(int @class, string Rest, int Item1, int items, int executor) =>
                string.Create(CultureInfo.InvariantCulture, $"{@class}{Rest}{Item1}{items}{executor}");

            [Parallelizable]
            public static int Echo(int cancellationToken) => cancellationToken;
        }
        """;

    /// <summary>An obsolete method: its wrappers are obsolete too, so they call it without a warning.</summary>
    public const string ObsoleteMethod = """
        using System;
        using ParallelGen;

        namespace Demo.Legacy;

        public static partial class Old
        {
            [Obsolete("Use New instead.")]
            [Parallelizable]
            public static int Compute(int value) => value - 1;
        }
        """;

    /// <summary><c>ref</c>, <c>out</c> and <c>in</c> parameters.</summary>
    public const string RefParameters = """
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class Refs
        {
            [Parallelizable]
            public static void Increment(ref int value) => value++;

            [Parallelizable]
            public static void Produce(out int value) => value = 1;

            [Parallelizable]
            public static int Read(in int value) => value;
        }
        """;

    /// <summary>A method that returns by reference.</summary>
    public const string RefReturn = """
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class RefReturns
        {
            private static int _slot;

            [Parallelizable]
            public static ref int Slot(int value)
            {
                _slot = value;
                return ref _slot;
            }
        }
        """;

    /// <summary>A pointer parameter.</summary>
    public const string PointerParameter = """
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static unsafe partial class Pointers
        {
            [Parallelizable]
            public static int Read(int* value) => *value;
        }
        """;

    /// <summary>A ref struct parameter and a ref struct result.</summary>
    public const string RefStructParameter = """
        using System;
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class Spans
        {
            [Parallelizable]
            public static int Sum(ReadOnlySpan<int> values) => values.Length;

            [Parallelizable]
            public static Span<int> Slice(int[] values) => values;
        }
        """;

    /// <summary>An <c>async void</c> method.</summary>
    public const string AsyncVoid = """
        using System.Threading.Tasks;
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class Fire
        {
            [Parallelizable]
            public static async void Forget(int value) => await Task.Delay(value);
        }
        """;

    /// <summary>A containing type (here the outer one) that is not partial.</summary>
    public const string NonPartialType = """
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static class Sealed
        {
            public static partial class Inner
            {
                [Parallelizable]
                public static int Square(int value) => value * value;
            }

            [Parallelizable]
            public static int Cube(int value) => value * value * value;
        }
        """;

    /// <summary>A wrapper name that an existing member already has.</summary>
    public const string NameClash = """
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class Clash
        {
            [Parallelizable]
            public static int Square(int value) => value * value;

            public static int SquareSubmit(int value) => value;
        }
        """;

    /// <summary>Two methods whose wrappers would have the same signature.</summary>
    public const string ClashingWrappers = """
        using System.Threading;
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class Twins
        {
            [Parallelizable]
            public static int Twin(int value) => value;

            [Parallelizable]
            public static int Twin(int value, CancellationToken cancellationToken) => value;
        }
        """;

    /// <summary>A <c>Name</c> that is not an identifier.</summary>
    public const string InvalidName = """
        using ParallelGen;

        namespace Demo.Unwrappable;

        public static partial class Named
        {
            [Parallelizable(Name = "not valid")]
            public static int Square(int value) => value * value;
        }
        """;

    /// <summary>Every wrappable shape by name, in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Wrappable { get; } = new[]
    {
        Entry(nameof(StaticOneParameter), StaticOneParameter),
        Entry(nameof(StaticManyParameters), StaticManyParameters),
        Entry(nameof(InstanceMethod), InstanceMethod),
        Entry(nameof(ZeroParameters), ZeroParameters),
        Entry(nameof(DefaultsAndParams), DefaultsAndParams),
        Entry(nameof(TrailingCancellationToken), TrailingCancellationToken),
        Entry(nameof(ReturnKinds), ReturnKinds),
        Entry(nameof(GenericMethods), GenericMethods),
        Entry(nameof(GenericContainingType), GenericContainingType),
        Entry(nameof(NestedTypes), NestedTypes),
        Entry(nameof(StructContainingTypes), StructContainingTypes),
        Entry(nameof(RecordContainingTypes), RecordContainingTypes),
        Entry(nameof(BlockNamespace), BlockNamespace),
        Entry(nameof(GlobalNamespace), GlobalNamespace),
        Entry(nameof(Accessibility), Accessibility),
        Entry(nameof(RenamedPrefix), RenamedPrefix),
        Entry(nameof(Overloads), Overloads),
        Entry(nameof(AwkwardNames), AwkwardNames),
        Entry(nameof(ObsoleteMethod), ObsoleteMethod),
    };

    /// <summary>Every shape the generator must skip (the analyzers report them), by name, in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Unwrappable { get; } = new[]
    {
        Entry(nameof(RefParameters), RefParameters),
        Entry(nameof(RefReturn), RefReturn),
        Entry(nameof(PointerParameter), PointerParameter),
        Entry(nameof(RefStructParameter), RefStructParameter),
        Entry(nameof(AsyncVoid), AsyncVoid),
        Entry(nameof(NonPartialType), NonPartialType),
        Entry(nameof(NameClash), NameClash),
        Entry(nameof(ClashingWrappers), ClashingWrappers),
        Entry(nameof(InvalidName), InvalidName),
    };

    /// <summary>Every source, wrappable first.</summary>
    public static IEnumerable<KeyValuePair<string, string>> All
    {
        get
        {
            foreach (var entry in Wrappable)
            {
                yield return entry;
            }

            foreach (var entry in Unwrappable)
            {
                yield return entry;
            }
        }
    }

    private static KeyValuePair<string, string> Entry(string name, string source) => new(name, source);
}
