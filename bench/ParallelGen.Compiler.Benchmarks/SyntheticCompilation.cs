using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// A synthetic user project for compile-time benchmarks: <see cref="TypeCount"/> partial types in as many files,
/// each with <see cref="MethodsPerType"/> <c>[Parallelizable]</c> methods of mixed shapes (static and instance,
/// one and several parameters, sync and async, void), plus one unrelated file that benchmarks edit.
/// Shared by the generator and analyzer benchmarks.
/// </summary>
public static class SyntheticCompilation
{
    /// <summary>Number of annotated types (one file each).</summary>
    public const int TypeCount = 200;

    /// <summary>Number of annotated methods in each type.</summary>
    public const int MethodsPerType = 5;

    /// <summary>The path of the unrelated file, for <see cref="WithUnrelatedEdit"/>.</summary>
    public const string UnrelatedPath = "Unrelated.cs";

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>Parse options of every tree (latest C#).</summary>
    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>The framework assemblies and the ParallelGen runtime.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    /// <summary>The source of annotated type number <paramref name="index"/>.</summary>
    public static string TypeSource(int index)
    {
        var i = index.ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder();
        builder.Append("using System.Threading;\nusing System.Threading.Tasks;\nusing ParallelGen;\n\n");
        builder.Append("namespace Synthetic.Group").Append(index % 10).Append(";\n\n");
        builder.Append("public partial class Worker").Append(i).Append("\n{\n");
        builder.Append("    private readonly int _offset = ").Append(i).Append(";\n\n");
        builder.Append("    [Parallelizable]\n    public static int Square").Append(i).Append("(int value) => value * value;\n\n");
        builder.Append("    [Parallelizable]\n    public string Describe").Append(i).Append("(string name, int count, double weight) => name + (count + _offset) + weight.ToString(System.Globalization.CultureInfo.InvariantCulture);\n\n");
        builder.Append("    [Parallelizable(MaxDegreeOfParallelism = 4)]\n    public static async Task<int> Fetch").Append(i).Append("(int id, CancellationToken cancellationToken)\n    {\n        await Task.Delay(1, cancellationToken).ConfigureAwait(false);\n        return id;\n    }\n\n");
        builder.Append("    [Parallelizable]\n    public static void Touch").Append(i).Append("(string path, int times = 1)\n    {\n        for (var k = 0; k < times; k++)\n        {\n            _ = path.Length;\n        }\n    }\n\n");
        builder.Append("    [Parallelizable(Name = \"Convert").Append(i).Append("\")]\n    public static T Echo").Append(i).Append("<T>(T value)\n        where T : notnull => value;\n");
        builder.Append("}\n");
        return builder.ToString();
    }

    /// <summary>The unrelated file, in a given version (each version differs in a method body).</summary>
    public static string UnrelatedSource(int version) =>
        "namespace Synthetic;\n\npublic static class Unrelated\n{\n    public static int Compute(int value) => value + "
        + version.ToString(CultureInfo.InvariantCulture) + ";\n}\n";

    /// <summary>The annotated trees and the unrelated one, parsed.</summary>
    public static IReadOnlyList<SyntaxTree> ParseTrees() =>
        Enumerable.Range(0, TypeCount)
            .Select(static i => CSharpSyntaxTree.ParseText(TypeSource(i), ParseOptions, path: "Worker" + i.ToString(CultureInfo.InvariantCulture) + ".cs"))
            .Append(CSharpSyntaxTree.ParseText(UnrelatedSource(0), ParseOptions, path: UnrelatedPath))
            .ToList();

    /// <summary>A fresh compilation of the synthetic project (a release build of a class library).</summary>
    public static CSharpCompilation Create() => Create(ParseTrees());

    /// <summary>A compilation of the given trees with the synthetic project's options and references.</summary>
    public static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Synthetic",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithOptimizationLevel(OptimizationLevel.Release)
                .WithDeterministic(true));

    /// <summary>The compilation with its unrelated file replaced by <paramref name="version"/> (a one-file edit).</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int version)
    {
        var old = compilation.SyntaxTrees.Single(static t => t.FilePath == UnrelatedPath);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(UnrelatedSource(version), ParseOptions, path: UnrelatedPath));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard")
            {
                paths.Add(path);
            }
        }

        paths.Add(typeof(ParallelGen.Executors).Assembly.Location);
        return paths.Select(static p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }
}
