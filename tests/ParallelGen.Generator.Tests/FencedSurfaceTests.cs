using System;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using ParallelGen.Generator.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>
/// What only generated code may call is fenced off from users, as CommunityToolkit's <c>__Internals</c>: hidden from
/// completion and obsolete (PG9000) when called by hand, while the generated wrappers that call it stay warning-free.
/// </summary>
public sealed class FencedSurfaceTests
{
    private const string ObsoleteId = "PG9000";

    [Fact]
    public void Every_public_infrastructure_type_is_hidden_and_obsolete_for_users()
    {
        var types = typeof(ParallelizableAttribute).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && (ns == "ParallelGen.Infrastructure" || ns.StartsWith("ParallelGen.Infrastructure.", StringComparison.Ordinal)))
            .ToList();

        Assert.Contains(types, t => t.Name == "GeneratedSupport");
        Assert.Contains(types, t => t.Name == "WorkBody`2");
        Assert.Contains(types, t => t.Name == "ParallelMethod");
        Assert.Contains(types, t => t.Name == "NoResult");
        Assert.All(types, t =>
        {
            Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State);
            Assert.Equal(ObsoleteId, t.GetCustomAttribute<ObsoleteAttribute>()?.DiagnosticId);
        });
    }

    [Fact]
    public void Nothing_outside_infrastructure_is_obsolete()
    {
        var obsolete = typeof(ParallelizableAttribute).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("ParallelGen.Infrastructure", StringComparison.Ordinal))
            .Where(t => t.GetCustomAttribute<ObsoleteAttribute>() is not null)
            .Select(t => t.FullName);

        Assert.Empty(obsolete);
    }

    [Fact]
    public void User_code_that_calls_the_infrastructure_gets_PG9000_and_generated_code_does_not()
    {
        var compilation = GeneratorHarness.CreateCompilation(ShapeSources.StaticOneParameter, """
            namespace Demo;

            public static class ByHand
            {
                public static int[] Run(int[] values) => ParallelGen.Infrastructure.GeneratedSupport.Map(
                    new ParallelGen.Infrastructure.ParallelMethod("M:Demo.Numbers.Square(System.Int32)"),
                    values,
                    ParallelGen.Infrastructure.WorkBody<int, int>.Sync(static (x, _) => x),
                    null,
                    default);
            }
            """);

        var (_, output) = GeneratorHarness.Run(compilation);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var fenced = diagnostics.Where(d => d.Id == ObsoleteId).ToList();

        Assert.NotEmpty(fenced);
        Assert.All(fenced, d => Assert.EndsWith("Source1.cs", d.Location.SourceTree?.FilePath, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
    }
}
