using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Analyzers.Usage;

namespace ParallelGen.Analyzers.Tests.Usage;

/// <summary>Runs the usage analyzer on markup.</summary>
internal static class UsageVerifier
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer());

    public static Task<AnalyzerRun> Verify(string markup, string? defaultId = null) =>
        new AnalyzerVerifier { Analyzers = Analyzers, DefaultId = defaultId }.RunAsync(markup);
}
