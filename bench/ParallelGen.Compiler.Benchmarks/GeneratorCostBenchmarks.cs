using System.IO;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ParallelGen.Generator;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// What the generator costs a build and an IDE, beside the compilation it runs in: emitting the synthetic
/// compilation alone (the baseline), a cold generator run (fresh driver, fresh compilation), and a re-run after
/// an unrelated one-file edit (the IDE's per-keystroke case). The job is set in Program.cs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratorCostBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedA = null!;
    private CSharpCompilation _editedB = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmFloorDriver = null!;
    private bool _toggle;
    private bool _floorToggle;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticCompilation.Create();
        _editedA = SyntheticCompilation.WithUnrelatedEdit(_compilation, 1);
        _editedB = SyntheticCompilation.WithUnrelatedEdit(_compilation, 2);
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _warmFloorDriver = CreateFloorDriver().RunGenerators(_compilation);
        var generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != SyntheticCompilation.TypeCount)
        {
            throw new System.InvalidOperationException("Expected one generated file per type, got " + generated);
        }

        using var stream = new MemoryStream();
        var emitted = _compilation.Clone().Emit(stream);
        if (!emitted.Success)
        {
            throw new System.InvalidOperationException("The synthetic compilation does not compile: " + string.Join("\n", emitted.Diagnostics));
        }
    }

    /// <summary>The compilation alone: bind and emit the synthetic project from a fresh semantic state.</summary>
    [Benchmark(Baseline = true)]
    public bool CompilationEmit()
    {
        using var stream = new MemoryStream();
        return _compilation.Clone().Emit(stream).Success;
    }

    /// <summary>A cold generator run: a new driver over a compilation with no semantic state yet (as a command-line build).</summary>
    [Benchmark]
    public int GeneratorColdRun() =>
        CreateDriver().RunGenerators(_compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// The floor any attribute-driven generator pays on a cold compilation: the same
    /// <c>ForAttributeWithMetadataName</c> lookup with a transform that does nothing (symbols bound, no model, no output).
    /// </summary>
    [Benchmark]
    public int AttributeLookupFloorColdRun() =>
        CreateFloorDriver().RunGenerators(_compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    /// <summary>
    /// The cold run up to the models: the generator's own transform (<c>MethodModelFactory</c>) on every attributed
    /// method, but no source written. The cold run minus this is the cost of writing the wrappers.
    /// </summary>
    [Benchmark]
    public int TransformOnlyColdRun() =>
        CSharpGeneratorDriver.Create(new[] { new TransformOnly().AsSourceGenerator() }, parseOptions: SyntheticCompilation.ParseOptions)
            .RunGenerators(_compilation.Clone()).GetRunResult().GeneratedTrees.Length;

    /// <summary>A re-run of a warm driver after an unrelated one-file edit (as the IDE on a keystroke).</summary>
    [Benchmark]
    public int GeneratorRerunAfterUnrelatedEdit()
    {
        _toggle = !_toggle;
        _warmDriver = _warmDriver.RunGenerators(_toggle ? _editedA : _editedB);
        return _warmDriver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>
    /// The re-run floor: the same <c>ForAttributeWithMetadataName</c> lookup with a transform that does nothing, re-run
    /// after the same unrelated edit. Roslyn re-runs the lookup's semantic part (symbol and attributes of every
    /// attributed method) on each new compilation, so no attribute-driven generator re-runs for less.
    /// </summary>
    [Benchmark]
    public int AttributeLookupFloorRerun()
    {
        _floorToggle = !_floorToggle;
        _warmFloorDriver = _warmFloorDriver.RunGenerators(_floorToggle ? _editedA : _editedB);
        return _warmFloorDriver.GetRunResult().GeneratedTrees.Length;
    }

    private static GeneratorDriver CreateFloorDriver() =>
        CSharpGeneratorDriver.Create(new[] { new AttributeLookupOnly().AsSourceGenerator() }, parseOptions: SyntheticCompilation.ParseOptions);

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new ParallelizableGenerator().AsSourceGenerator() },
            parseOptions: SyntheticCompilation.ParseOptions);

    /// <summary>Finds the attributed methods and builds their models exactly as the generator does, and stops there.</summary>
    private sealed class TransformOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var found = context.SyntaxProvider.ForAttributeWithMetadataName(
                ParallelizableGenerator.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ParallelGen.Generator.Parsing.MethodModelFactory.TryCreate(syntaxContext, cancellationToken));
            context.RegisterSourceOutput(found.Collect(), static (_, _) => { });
        }
    }

    /// <summary>Finds the attributed methods exactly as the generator does, and stops there.</summary>
    private sealed class AttributeLookupOnly : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var found = context.SyntaxProvider.ForAttributeWithMetadataName(
                ParallelizableGenerator.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (syntaxContext, _) => syntaxContext.TargetSymbol.Name.Length);
            context.RegisterSourceOutput(found.Collect(), static (_, _) => { });
        }
    }
}
