using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Generator.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>Every shape users write: the generated text (snapshots), and the generated code compiled cleanly and run.</summary>
public sealed class ShapeTests
{
    public static TheoryData<string> WrappableShapes => new(ShapeSources.Wrappable.Select(static s => s.Key));

    public static TheoryData<string> UnwrappableShapes => new(ShapeSources.Unwrappable.Select(static s => s.Key));

    [Theory]
    [MemberData(nameof(WrappableShapes))]
    public void Generated_source_matches_snapshot(string shape)
    {
        var source = ShapeSources.Wrappable.Single(s => s.Key == shape).Value;
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source));

        var generated = GeneratorHarness.Generated(result);

        Assert.NotEmpty(generated);
        foreach (var (hintName, text) in generated.OrderBy(static g => g.Key, System.StringComparer.Ordinal))
        {
            Snapshot.Verify(shape + "#" + hintName.Replace(".g.cs", string.Empty, System.StringComparison.Ordinal), text);
        }
    }

    [Theory]
    [MemberData(nameof(WrappableShapes))]
    public async Task Generated_wrappers_compile_without_warnings_and_run(string shape)
    {
        var source = ShapeSources.Wrappable.Single(s => s.Key == shape).Value;
        var (probe, expected) = ShapeProbes.All[shape];

        var output = await CompiledAssembly.RunProbeAsync(source, probe);

        Assert.Equal(expected, output);
    }

    [Theory]
    [MemberData(nameof(UnwrappableShapes))]
    public void Unwrappable_shapes_produce_no_code_and_no_diagnostic(string shape)
    {
        var source = ShapeSources.Unwrappable.Single(s => s.Key == shape).Value;
        var compilation = GeneratorHarness.CreateCompilation(source).WithOptions(
            GeneratorHarness.CreateCompilation().Options.WithAllowUnsafe(true));

        var (result, _) = GeneratorHarness.Run(compilation);

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Results, static r => Assert.Null(r.Exception));
        Assert.Empty(GeneratorHarness.Generated(result));
    }
}
