using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParallelGen.Generator.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>
/// Proves the pipeline caches: edits that cannot change the output leave every tracked step Cached or Unchanged
/// and re-emit nothing; a signature change re-emits only its type's file; no step holds a Roslyn object.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Unrelated = """
        namespace Demo.Other;

        public static class Helpers
        {
            public static int Add(int left, int right) => left + right;
        }
        """;

    private static readonly string[] s_stepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly IncrementalStepRunReason[] s_cachedReasons = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached()
    {
        var result = RunTwice(trees => Replace(trees, 2, Unrelated.Replace("left + right", "right + left", StringComparison.Ordinal)));

        AssertAllCached(result);
    }

    [Fact]
    public void Editing_the_body_of_an_annotated_method_leaves_every_step_cached()
    {
        var result = RunTwice(trees => Replace(trees, 0, ShapeSources.StaticOneParameter.Replace("value * value", "checked(value * value)", StringComparison.Ordinal)));

        AssertAllCached(result);
    }

    [Fact]
    public void Adding_a_comment_leaves_every_step_cached()
    {
        var result = RunTwice(trees => Replace(trees, 1, "// A comment a user typed.\n" + ShapeSources.StaticManyParameters));

        AssertAllCached(result);
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        var result = RunTwice(static trees =>
        {
            trees.Add(CSharpSyntaxTree.ParseText("namespace Demo.New; public static class Added { }", GeneratorHarness.ParseOptions, path: "Added.cs"));
            return trees;
        });

        AssertAllCached(result);
    }

    [Fact]
    public void Changing_one_signature_re_emits_only_that_types_file()
    {
        var result = RunTwice(trees => Replace(trees, 0, ShapeSources.StaticOneParameter.Replace("int Square(int value)", "long Square(long value)", StringComparison.Ordinal)));

        var outputs = result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).ToList();
        var changed = outputs.Where(static o => !s_cachedReasons.Contains(o.Reason)).ToList();
        // That type's file, and the assembly's cross-process registry (which holds every method's serializers).
        Assert.Equal(2, changed.Count);
        Assert.All(changed, static o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        var registry = Assert.Single(result.TrackedSteps[TrackingNames.RemoteSource].SelectMany(static s => s.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, registry.Reason);
        Assert.Contains("RemoteMethod<long, long>", (string)registry.Value, StringComparison.Ordinal);
        var sources = result.TrackedSteps[TrackingNames.Sources].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(2, sources.Count);
        var modified = Assert.Single(sources, static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Demo.Numbers", ((ValueTuple<string, string>)modified.Value).Item1, StringComparison.Ordinal);
        Assert.Contains("long", ((ValueTuple<string, string>)modified.Value).Item2, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_pipeline_step_is_tracked()
    {
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(GeneratorHarness.CreateCompilation(BaseSources()));
        var result = Assert.Single(driver.GetRunResult().Results);

        foreach (var name in s_stepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), "Step " + name + " was not tracked.");
        }
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var sources = ShapeSources.All.Select(static s => s.Value).Append(Unrelated).ToArray();
        var compilation = GeneratorHarness.CreateCompilation(sources).WithOptions(GeneratorHarness.CreateCompilation().Options.WithAllowUnsafe(true));
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        var result = Assert.Single(driver.GetRunResult().Results);

        var forbidden = new List<string>();
        var walked = 0;
        // Our steps only: Roslyn's own ForAttributeWithMetadataName steps legitimately hold syntax.
        foreach (var (name, steps) in result.TrackedSteps.Where(static s => s_stepNames.Contains(s.Key)).Concat(result.TrackedOutputSteps))
        {
            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    walked++;
                    forbidden.AddRange(StepWalker.FindForbidden(value, name));
                }
            }
        }

        Assert.True(walked > 20, "Too few step outputs walked: " + walked);
        Assert.Empty(forbidden);
    }

    [Fact]
    public void The_step_walker_finds_roslyn_objects_nested_in_tuples_and_arrays()
    {
        var compilation = GeneratorHarness.CreateCompilation(Unrelated);
        var symbol = compilation.GetTypeByMetadataName("Demo.Other.Helpers")!;
        var nested = ("name", new object[] { 1, symbol.Locations[0] }, compilation);

        var found = StepWalker.FindForbidden(nested, "value").ToList();

        Assert.Equal(2, found.Count);
    }

    private static string[] BaseSources() => new[] { ShapeSources.StaticOneParameter, ShapeSources.StaticManyParameters, Unrelated };

    private static GeneratorRunResult RunTwice(Func<List<SyntaxTree>, List<SyntaxTree>> edit)
    {
        var first = GeneratorHarness.CreateCompilation(BaseSources());
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(first);
        Assert.Equal(3, driver.GetRunResult().GeneratedTrees.Length); // two types' wrappers and the registry

        var trees = edit(first.SyntaxTrees.ToList());
        var second = first.RemoveAllSyntaxTrees().AddSyntaxTrees(trees);
        driver = driver.RunGenerators(second);
        return Assert.Single(driver.GetRunResult().Results);
    }

    private static List<SyntaxTree> Replace(List<SyntaxTree> trees, int index, string text)
    {
        trees[index] = trees[index].WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text));
        return trees;
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (var name in s_stepNames)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), "Step " + name + " was not tracked.");
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(s_cachedReasons.Contains(reason), $"Step {name} output was {reason}.");
                }
            }
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(s_cachedReasons.Contains(reason), $"Output step {name} re-emitted ({reason}).");
                }
            }
        }
    }
}
