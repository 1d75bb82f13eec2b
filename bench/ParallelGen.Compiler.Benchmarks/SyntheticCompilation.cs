using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// A synthetic user project for compile-time benchmarks: <see cref="TypeCount"/> partial types in as many files,
/// each with <see cref="MethodsPerType"/> <c>[Parallelizable]</c> methods of mixed shapes (static and instance,
/// one and several parameters, sync and async, void, generic) with working bodies, plus one unrelated file that
/// benchmarks edit.
/// Shared by the generator and analyzer benchmarks.
/// </summary>
public static partial class SyntheticCompilation
{
    /// <summary>Number of annotated types (one file each).</summary>
    public const int TypeCount = 200;

    /// <summary>Number of annotated methods in each type.</summary>
    public const int MethodsPerType = 5;

    /// <summary>The path of the unrelated file, for <see cref="WithUnrelatedEdit"/>.</summary>
    public const string UnrelatedPath = "Unrelated.cs";

    /// <summary>Parse options of every tree (latest C#).</summary>
    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    /// <summary>The framework assemblies and the ParallelGen runtime.</summary>
    public static ImmutableArray<MetadataReference> References => ParallelGen.Tests.Shared.UserReferences.All;

    /// <summary>
    /// The source of annotated type number <paramref name="index"/>: five <c>[Parallelizable]</c> methods whose bodies do
    /// the kind of work worth running in parallel (loops, string building, LINQ, awaits, pattern matching), beside the
    /// ordinary members such a type has (constructor, properties, a helper, an override).
    /// </summary>
    public static string TypeSource(int index)
    {
        var template = """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using ParallelGen;

            namespace Synthetic.Group$G;

            public partial class Worker$I
            {
                private static readonly int Seed = $I;
                private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

                public Worker$I(string name)
                {
                    Name = name;
                }

                public string Name { get; }

                public int Total => _counts.Values.Sum();

                [Parallelizable]
                public static int Square$I(int value)
                {
                    var total = 0;
                    for (var k = 0; k < value % 17; k++)
                    {
                        total += (k * value) ^ Seed;
                        if (total > 1_000_000)
                        {
                            total %= 7919;
                        }
                    }

                    return total + (value * value);
                }

                [Parallelizable]
                public string Describe$I(string name, int count, double weight)
                {
                    var builder = new StringBuilder(Name);
                    for (var k = 0; k < count % 5; k++)
                    {
                        builder.Append('/').Append(name).Append(k.ToString(CultureInfo.InvariantCulture));
                    }

                    builder.Append(':').Append(weight.ToString("F2", CultureInfo.InvariantCulture));
                    return builder.ToString();
                }

                [Parallelizable(MaxDegreeOfParallelism = 4)]
                public static async Task<int> Fetch$I(int id, CancellationToken cancellationToken)
                {
                    try
                    {
                        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                        return id switch
                        {
                            < 0 => throw new ArgumentOutOfRangeException(nameof(id)),
                            0 => Seed,
                            _ => id + Seed,
                        };
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        return -1;
                    }
                }

                [Parallelizable]
                public static void Touch$I(string path, int times = 1)
                {
                    var letters = path.Where(char.IsLetter).Select(char.ToUpperInvariant).Take(times).ToArray();
                    if (letters.Length == 0)
                    {
                        return;
                    }

                    Console.Out.Flush();
                }

                [Parallelizable(Name = "Convert$I")]
                public static T Echo$I<T>(T value)
                    where T : notnull => value switch
                    {
                        string text when text.Length == 0 => value,
                        IFormattable => value,
                        _ => value,
                    };

                public void Count(string key) => _counts[key] = _counts.TryGetValue(key, out var current) ? current + 1 : 1;

                public override string ToString() => Name + "#" + Total.ToString(CultureInfo.InvariantCulture);
            }

            """;
        return template
            .Replace("$G", (index % 10).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$I", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
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
}
