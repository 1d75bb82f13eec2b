using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Generator;

namespace ParallelGen.Analyzers.Tests.Usage;

/// <summary>In a real build the generator runs first: the analyzers must not report its wrappers or the code using them.</summary>
public class WithGeneratorTests
{
    [Fact]
    public async Task Generated_wrappers_are_not_name_clashes_and_the_analyzers_stay_silent()
    {
        var compilation = TestCompilation.Create("""
            using System.Linq;
            using ParallelGen;

            namespace App;

            public static partial class Numbers
            {
                [Parallelizable]
                public static int Square(int value) => value * value;

                public static int Total(int[] values) => SquareMap(values).Sum();
            }
            """);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ParallelizableGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        Assert.True(output.SyntaxTrees.Count() > 1, "The generator produced no source.");
        Assert.Empty(TestCompilation.Errors(output));
        var run = await AnalyzerRunner.RunAsync(output, AllAnalyzers.Create());
        Assert.Empty(run.AnalyzerFailures);
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("PG", System.StringComparison.Ordinal)));
    }
}
