using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParallelGen.Generator.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>Code being typed is mostly broken: the generator must never throw on it, and what it emits must parse.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void The_mutator_is_deterministic_and_yields_at_least_2000_variants()
    {
        var first = SourceMutator.Variants(ShapeSources.All).ToList();
        var second = SourceMutator.Variants(ShapeSources.All).ToList();

        Assert.True(first.Count >= 2000, "Only " + first.Count + " variants.");
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(static v => v.Name).Distinct().Count());
    }

    [Fact]
    public void Generator_never_throws_and_every_output_parses_on_mutated_sources()
    {
        var driver = GeneratorHarness.CreateDriver();
        var options = GeneratorHarness.CreateCompilation().Options.WithAllowUnsafe(true);
        var failures = new List<string>();
        var variants = 0;
        var outputs = 0;
        foreach (var variant in SourceMutator.Variants(ShapeSources.All))
        {
            variants++;
            var compilation = GeneratorHarness.CreateCompilation(variant.Source).WithOptions(options);
            var result = driver.RunGenerators(compilation).GetRunResult();
            foreach (var diagnostic in result.Diagnostics)
            {
                failures.Add(variant.Name + ": " + diagnostic);
            }

            foreach (var generatorResult in result.Results)
            {
                if (generatorResult.Exception is not null)
                {
                    failures.Add(variant.Name + ": " + generatorResult.Exception);
                }

                foreach (var generated in generatorResult.GeneratedSources)
                {
                    outputs++;
                    var errors = CSharpSyntaxTree.ParseText(generated.SourceText, GeneratorHarness.ParseOptions)
                        .GetDiagnostics()
                        .Where(static d => d.Severity == DiagnosticSeverity.Error);
                    failures.AddRange(errors.Select(e => variant.Name + " " + generated.HintName + ": " + e));
                }
            }
        }

        Assert.True(variants >= 2000, "Only " + variants + " variants.");
        Assert.True(outputs > 500, "Only " + outputs + " outputs: the mutations broke nearly everything.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }
}
