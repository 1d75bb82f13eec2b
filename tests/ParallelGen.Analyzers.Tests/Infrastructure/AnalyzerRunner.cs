using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>The outcome of running analyzers over a compilation.</summary>
/// <param name="Compilation">The compilation analyzed (with .editorconfig severities applied, if any).</param>
/// <param name="Diagnostics">The analyzers' diagnostics, sorted by position, after severities are applied.</param>
/// <param name="AnalyzerFailures">Exceptions thrown by analyzers and AD0001 diagnostics, formatted; empty when none.</param>
public sealed record AnalyzerRun(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> AnalyzerFailures);

/// <summary>Runs analyzers over test sources with <see cref="CompilationWithAnalyzers"/>, catching every analyzer exception.</summary>
public static class AnalyzerRunner
{
    /// <summary>Compiles <paramref name="sources"/> and runs <paramref name="analyzers"/> over them.</summary>
    public static Task<AnalyzerRun> RunAsync(IEnumerable<string> sources, ImmutableArray<DiagnosticAnalyzer> analyzers, string? editorConfig = null, CancellationToken cancellationToken = default) =>
        RunAsync(TestCompilation.Create(sources), analyzers, editorConfig, cancellationToken);

    /// <summary>Runs <paramref name="analyzers"/> over <paramref name="compilation"/>.</summary>
    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, string? editorConfig = null, CancellationToken cancellationToken = default)
    {
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        if (editorConfig is not null)
        {
            (compilation, analyzerOptions) = EditorConfigOptions.Parse(editorConfig).Apply(compilation);
        }

        var failures = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var d in diagnostics.Where(d => d.Id is "AD0001" or "AD0002"))
        {
            failures.Enqueue(d.ToString());
        }

        var sorted = diagnostics
            .Where(d => d.Id is not ("AD0001" or "AD0002"))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalyzerRun(withAnalyzers.Compilation, sorted, failures.ToList());
    }
}
