namespace ParallelGen.Analyzers.Tests.Wrappability;

/// <summary>
/// One row of the wrappability table: a whole source file with one or more <c>[Parallelizable]</c> methods, and the
/// usage rules expected on it (<see cref="Wraps"/> when none: every method gets wrappers).
/// </summary>
/// <param name="Name">A unique name, shown by the test runner.</param>
/// <param name="Expected">The usage rule ids reported, sorted and comma-separated, or <see cref="Wraps"/>.</param>
/// <param name="Source">The source file.</param>
public sealed record Shape(string Name, string Expected, string Source)
{
    /// <summary>The expectation of a shape whose every method gets wrappers.</summary>
    public const string Wraps = "wraps";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.InteropServices;
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        """;

    /// <summary>A shape whose members sit in <c>public partial class C</c> of namespace <c>Table</c>.</summary>
    public static Shape InClass(string name, string expected, string members) =>
        new(name, expected, Usings + "namespace Table;\n\npublic partial class C\n{\n" + members + "\n}\n");

    /// <summary>A shape whose members sit in <c>public static partial class C</c> of namespace <c>Table</c>.</summary>
    public static Shape InStaticClass(string name, string expected, string members) =>
        new(name, expected, Usings + "namespace Table;\n\npublic static partial class C\n{\n" + members + "\n}\n");

    /// <summary>A shape written as a whole file (after the common usings).</summary>
    public static Shape File(string name, string expected, string source) => new(name, expected, Usings + source);

    /// <inheritdoc />
    public override string ToString() => Name;
}
