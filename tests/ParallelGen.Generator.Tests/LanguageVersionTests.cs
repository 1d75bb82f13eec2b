using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParallelGen.Generator.Tests.Infrastructure;

namespace ParallelGen.Generator.Tests;

/// <summary>
/// The generated code compiles on the oldest language version the wrappers need (C# 9: static lambdas), not only on the
/// latest: newer syntax (an attribute on the per-method loop's lambda, C# 10) is emitted only where the project allows it.
/// </summary>
public sealed class LanguageVersionTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using ParallelGen;

        namespace Demo.Versions
        {
            public static partial class Work
            {
                [Parallelizable]
                public static int Square(int x) => x * x;

                [Parallelizable]
                public static void Touch(int x, string label) { }

                [Parallelizable]
                public static Task<int> SquareAsync(int x) => Task.FromResult(x * x);
            }

            public partial class Scaler
            {
                public int Factor { get; set; } = 2;

                [Parallelizable]
                public int Scale(int x) => x * Factor;
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp9, false)]
    [InlineData(LanguageVersion.CSharp10, true)]
    [InlineData(LanguageVersion.Latest, true)]
    public void Generated_code_compiles_warning_free_on_the_projects_language_version(LanguageVersion version, bool optimizedLoop)
    {
        var options = GeneratorHarness.ParseOptions.WithLanguageVersion(version);
        var compilation = GeneratorHarness.CreateCompilation(new[] { CSharpSyntaxTree.ParseText(Source, options, path: "Source0.cs") });
        var driver = CSharpGeneratorDriver.Create(new[] { new ParallelizableGenerator().AsSourceGenerator() }, parseOptions: options);

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        CompiledAssembly.AssertClean(output);
        var generated = string.Concat(output.SyntaxTrees.Skip(1).Select(static t => t.ToString()));
        Assert.Equal(optimizedLoop, generated.Contains("MethodImplOptions.AggressiveOptimization)] static (global::System.ReadOnlySpan<int>", System.StringComparison.Ordinal));
        Assert.Contains("(global::System.ReadOnlySpan<int> __items", generated, System.StringComparison.Ordinal);
    }
}
