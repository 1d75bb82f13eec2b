using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Analyzers.Races;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>
/// PG0200 and PG0201: a sequential loop that a generated map can replace. PG0200 when the loop calls a
/// <c>[Parallelizable]</c> method (its <c>Map</c> wrapper exists), PG0201 when it calls a method of this compilation
/// that could be annotated. Both only when <see cref="LoopShape"/> matches (one collecting statement, no jumps, no
/// loop-carried dependence) and <see cref="LoopSafety"/> proves the per-item work independent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AutoParallelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.LoopCallsParallelizable,
        DiagnosticDescriptors.LoopCanBeParallelized);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(ParallelizableNames.AttributeMetadataName) is null)
            {
                return; // the runtime is not referenced: no wrappers can be generated
            }

            var safety = new LoopSafety(new RaceContext(start.Compilation, start.CancellationToken));
            var asyncEnumerable = start.Compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            start.RegisterSyntaxNodeAction(c => AnalyzeLoop(c, safety, asyncEnumerable), SyntaxKind.ForEachStatement, SyntaxKind.ForStatement);
        });
    }

    private static void AnalyzeLoop(SyntaxNodeAnalysisContext context, LoopSafety safety, INamedTypeSymbol? asyncEnumerable)
    {
        var loop = (StatementSyntax)context.Node;
        if (!LoopShape.MayMatch(loop) || LoopShape.Match(loop, context.SemanticModel, context.CancellationToken) is not { } match)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        string name;
        DiagnosticDescriptor descriptor;
        string wrapper;
        if (match.Method is { } called && safety.Race.Known.ParallelizableData(called.OriginalDefinition) is { } attribute)
        {
            wrapper = WrapperPrefix.Of(called.OriginalDefinition, NameArgument(attribute)) + (match.Awaited ? ParallelizableNames.MapAsync : ParallelizableNames.Map);
            if (called.ContainingType.GetMembers(wrapper).IsEmpty)
            {
                return; // no wrapper was generated (a usage rule reports why)
            }

            name = called.Name;
            descriptor = DiagnosticDescriptors.LoopCallsParallelizable;
        }
        else if (match.Method is { } method && Annotatable.Prefix(method.OriginalDefinition, context.Compilation, asyncEnumerable, context.CancellationToken) is { } prefix)
        {
            wrapper = prefix + (match.Awaited ? ParallelizableNames.MapAsync : ParallelizableNames.Map);
            name = method.Name;
            descriptor = DiagnosticDescriptors.LoopCanBeParallelized;
        }
        else if ((match.IsExtraction ? match : LoopShape.Match(loop, context.SemanticModel, context.CancellationToken, extract: true)) is { } extraction
            && Annotatable.ExtractionName(extraction, context.SemanticModel, context.CancellationToken) is { } extracted)
        {
            match = extraction;
            wrapper = extracted + ParallelizableNames.Map;
            name = extracted;
            descriptor = DiagnosticDescriptors.LoopCanBeParallelized;
            properties = properties.Add(LoopShape.ExtractProperty, extracted);
        }
        else
        {
            return;
        }

        if (context.SemanticModel.GetOperation(match.Value, context.CancellationToken) is not { } value || !safety.IsIndependent(value, loop))
        {
            return;
        }

        var keyword = loop is ForEachStatementSyntax forEach ? forEach.ForEachKeyword : ((ForStatementSyntax)loop).ForKeyword;
        context.ReportDiagnostic(Diagnostic.Create(descriptor, keyword.GetLocation(), properties.Add(LoopShape.WrapperProperty, wrapper), name, wrapper));
    }

    private static string? NameArgument(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == ParallelizableNames.NameArgument)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }
}
