using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Generator.Tests.Infrastructure;

/// <summary>Emits a compilation, loads it into a collectible context and runs its <c>Probe.RunAsync()</c>.</summary>
internal static class CompiledAssembly
{
    /// <summary>Fails on any error or warning of the compilation, then emits and loads it.</summary>
    public static Assembly EmitAndLoad(Compilation compilation)
    {
        AssertClean(compilation);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("Shape" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    /// <summary>
    /// Fails on any error or warning (warning level 9999, nullable enabled, documentation diagnosed). The test's own
    /// sources may leave public members undocumented (CS1591); generated code may not.
    /// </summary>
    public static void AssertClean(Compilation compilation)
    {
        var problems = compilation.GetDiagnostics()
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .Where(static d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath.StartsWith("Source", System.StringComparison.Ordinal) == true))
            .ToList();
        Assert.True(problems.Count == 0, "Diagnostics:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(static d => d.ToString()))
            + Environment.NewLine + string.Join(Environment.NewLine + "----" + Environment.NewLine, compilation.SyntaxTrees.Select(static t => t.FilePath + Environment.NewLine + t)));
    }

    /// <summary>Compiles the sources with the generator's output, runs <c>Probe.RunAsync()</c> and returns its text.</summary>
    public static async Task<string> RunProbeAsync(params string[] sources)
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(sources));
        var assembly = EmitAndLoad(output);
        var probe = assembly.GetType("Probe", throwOnError: true)!;
        var run = probe.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
        var task = (Task<string>)run.Invoke(null, null)!;
        return await task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
