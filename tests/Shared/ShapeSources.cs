using System.Collections.Generic;

namespace ParallelGen.Tests.Shared;

/// <summary>
/// C# sources of <c>[Parallelizable]</c> methods in every shape users write, as plain strings: the generator's
/// snapshot and run tests compile them, and robustness tests (generator and analyzers) mutate them.
/// Each source is a whole file that compiles against the ParallelGen runtime.
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

    /// <summary>Every wrappable shape by name, in a fixed order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Wrappable { get; } = new[]
    {
        Entry(nameof(StaticOneParameter), StaticOneParameter),
    };

    private static KeyValuePair<string, string> Entry(string name, string source) => new(name, source);
}
