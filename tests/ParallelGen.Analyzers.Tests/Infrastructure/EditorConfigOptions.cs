using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// An <c>.editorconfig</c> applied to a test compilation the way the compiler applies it: severities
/// (<c>dotnet_diagnostic.PG0101.severity = error</c>) through the compilation's syntax-tree options, every key through
/// the analyzer options.
/// </summary>
public sealed class EditorConfigOptions
{
    private readonly AnalyzerConfigSet set;

    private EditorConfigOptions(AnalyzerConfigSet set) => this.set = set;

    /// <summary>Reads an <c>.editorconfig</c> that sits at the root of the test sources (<c>/.editorconfig</c>).</summary>
    public static EditorConfigOptions Parse(string editorConfigText) =>
        new(AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfigText, "/.editorconfig") }));

    /// <summary>Applies the severities to <paramref name="compilation"/> and returns analyzer options for its trees.</summary>
    public (Compilation Compilation, AnalyzerOptions AnalyzerOptions) Apply(Compilation compilation)
    {
        var results = compilation.SyntaxTrees.ToImmutableDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath));
        var global = set.GlobalConfigOptions;
        var treeOptions = new TreeOptions(results, global);
        var configured = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(treeOptions));
        var analyzerOptions = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new ConfigOptionsProvider(results.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.AnalyzerOptions), global.AnalyzerOptions));
        return (configured, analyzerOptions);
    }

    private sealed class TreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> results;
        private readonly AnalyzerConfigOptionsResult global;

        public TreeOptions(ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> results, AnalyzerConfigOptionsResult global)
        {
            this.results = results;
            this.global = global;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (results.TryGetValue(tree, out var result) && result.TreeOptions.TryGetValue(diagnosticId, out severity))
            {
                return true;
            }

            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, string>> perTree;

        public ConfigOptionsProvider(ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, string>> perTree, ImmutableDictionary<string, string> global)
        {
            this.perTree = perTree;
            GlobalOptions = new DictionaryOptions(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            perTree.TryGetValue(tree, out var options) ? new DictionaryOptions(options) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => this.values = values;

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
