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
    private readonly AnalyzerConfigSet _set;

    private EditorConfigOptions(AnalyzerConfigSet set) => _set = set;

    /// <summary>Reads an <c>.editorconfig</c> that sits at the root of the test sources (<c>/.editorconfig</c>).</summary>
    public static EditorConfigOptions Parse(string editorConfigText) =>
        new(AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfigText, "/.editorconfig") }));

    /// <summary>Applies the severities to <paramref name="compilation"/> and returns analyzer options for its trees.</summary>
    public (Compilation Compilation, AnalyzerOptions AnalyzerOptions) Apply(Compilation compilation)
    {
        var _results = compilation.SyntaxTrees.ToImmutableDictionary(t => t, t => _set.GetOptionsForSourcePath(t.FilePath));
        var _global = _set.GlobalConfigOptions;
        var treeOptions = new TreeOptions(_results, _global);
        var configured = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(treeOptions));
        var analyzerOptions = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new ConfigOptionsProvider(_results.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.AnalyzerOptions), _global.AnalyzerOptions));
        return (configured, analyzerOptions);
    }

    private sealed class TreeOptions : SyntaxTreeOptionsProvider
    {
        private readonly ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> _results;
        private readonly AnalyzerConfigOptionsResult _global;

        public TreeOptions(ImmutableDictionary<SyntaxTree, AnalyzerConfigOptionsResult> results, AnalyzerConfigOptionsResult global)
        {
            _results = results;
            _global = global;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (_results.TryGetValue(tree, out var result) && result.TreeOptions.TryGetValue(diagnosticId, out severity))
            {
                return true;
            }

            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _global.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, string>> _perTree;

        public ConfigOptionsProvider(ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, string>> perTree, ImmutableDictionary<string, string> global)
        {
            _perTree = perTree;
            GlobalOptions = new DictionaryOptions(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            _perTree.TryGetValue(tree, out var options) ? new DictionaryOptions(options) : GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override IEnumerable<string> Keys => _values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
