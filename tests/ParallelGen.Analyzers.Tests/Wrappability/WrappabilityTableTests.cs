using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Analyzers.Usage;
using ParallelGen.Generator;

namespace ParallelGen.Analyzers.Tests.Wrappability;

/// <summary>
/// The one-rule promise, shape by shape: every <c>[Parallelizable]</c> method of the table either gets wrappers from the
/// generator or a usage error from the analyzer, never both and never neither; the wrappers the rule accepts compile
/// without a warning; and lowering the usage rules' severities in .editorconfig changes nothing the generator writes.
/// </summary>
public sealed class WrappabilityTableTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> s_usage = ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer());

    private static readonly Dictionary<string, Shape> s_table = AcceptedShapes.All().Concat(RejectedShapes.All()).ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static TheoryData<string> Shapes => new(s_table.Keys);

    [Fact]
    public void The_table_is_broad() => Assert.True(s_table.Count >= 100, $"Only {s_table.Count} shapes.");

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Each_method_gets_wrappers_exactly_when_no_usage_error_is_reported(string name)
    {
        var shape = s_table[name];
        var input = Compile(shape.Source);
        var errors = input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The shape does not compile:\n" + string.Join("\n", errors));

        var (output, generated) = Generate(input);
        var run = await AnalyzerRunner.RunAsync(output, s_usage);
        Assert.Empty(run.AnalyzerFailures);
        var usageErrors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        var outcomes = new List<string>();
        foreach (var (node, method) in ParallelizableMethods(input))
        {
            var id = method.GetDocumentationCommentId();
            var wrapped = id is not null && generated.Contains("\"" + id + "\"", StringComparison.Ordinal);
            var reported = usageErrors.Where(d => d.Location.SourceTree?.FilePath == node.SyntaxTree.FilePath && node.Span.Contains(d.Location.SourceSpan)).ToList();
            Assert.True(
                wrapped != (reported.Count > 0),
                $"'{method.ToDisplayString()}': wrappers {(wrapped ? "generated" : "not generated")}, usage errors [{string.Join("; ", reported)}].");
            outcomes.AddRange(reported.Select(d => d.Id));
        }

        Assert.NotEmpty(ParallelizableMethods(input));
        var actual = outcomes.Count == 0 ? Shape.Wraps : string.Join(",", outcomes.Distinct().OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(shape.Expected, actual);

        // What the generator adds compiles cleanly: no warning or error the user's code did not already have (a type the
        // user names 'record' is warned about again where the generated part re-opens it, with the same message).
        var before = input.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Key).ToHashSet(StringComparer.Ordinal);
        var added = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !before.Contains(Key(d))).Select(d => d.ToString()).ToList();
        Assert.True(added.Count == 0, "The wrappers add diagnostics:\n" + string.Join("\n", added));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Lowering_the_usage_rules_in_editorconfig_changes_nothing_the_generator_writes(string name)
    {
        var input = Compile(s_table[name].Source);
        var lowered = string.Join("\n", new[] { "PG0001", "PG0002", "PG0003", "PG0004", "PG0005", "PG0010", "PG0011", "PG0012" }.Select(id => $"dotnet_diagnostic.{id}.severity = none"));
        var (withLowered, options) = EditorConfigOptions.Parse("root = true\n[*.cs]\n" + lowered + "\n").Apply(input);

        var (_, plain) = Generate(input);
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ParallelizableGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: options.AnalyzerConfigOptionsProvider);
        var result = driver.RunGenerators(withLowered).GetRunResult();

        Assert.Equal(plain, string.Concat(result.GeneratedTrees.Select(t => t.ToString())));
    }

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    private static CSharpCompilation Compile(string source) =>
        TestCompilation.Create(new[] { source }, TestCompilation.Options.WithWarningLevel(9999));

    private static (Compilation Output, string Generated) Generate(Compilation input)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ParallelizableGenerator().AsSourceGenerator() }, parseOptions: TestCompilation.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        return (output, string.Concat(result.GeneratedTrees.Select(t => t.ToString())));
    }

    /// <summary>Every declaration that carries <c>[Parallelizable]</c>, with its symbol.</summary>
    private static List<(SyntaxNode Node, IMethodSymbol Method)> ParallelizableMethods(Compilation compilation)
    {
        var found = new List<(SyntaxNode, IMethodSymbol)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var lists = node switch
                {
                    BaseMethodDeclarationSyntax m => m.AttributeLists,
                    AccessorDeclarationSyntax a => a.AttributeLists,
                    LocalFunctionStatementSyntax l => l.AttributeLists,
                    ParenthesizedLambdaExpressionSyntax l => l.AttributeLists,
                    _ => default,
                };
                if (!lists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("Parallelizable", StringComparison.Ordinal)))
                {
                    continue;
                }

                var symbol = node is ParenthesizedLambdaExpressionSyntax
                    ? model.GetSymbolInfo(node).Symbol
                    : model.GetDeclaredSymbol(node);
                if (symbol is IMethodSymbol method)
                {
                    found.Add((node, method));
                }
            }
        }

        return found;
    }
}
