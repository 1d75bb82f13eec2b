using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Race rules inside workers: PG0100 (captured variable), PG0101 (static member), PG0102 (field of a shared object),
/// PG0103 (shared non-thread-safe collection), PG0104 (shared Random), PG0106 (write reached through a call) and
/// PG0107 (check-then-act on a concurrent collection).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedStateRaceAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        DiagnosticDescriptors.CapturedVariableWritten,
        DiagnosticDescriptors.StaticMemberWritten,
        DiagnosticDescriptors.InstanceFieldWritten,
        DiagnosticDescriptors.SharedCollectionMutated,
        DiagnosticDescriptors.SharedRandom,
        DiagnosticDescriptors.SharedWriteThroughCall,
        DiagnosticDescriptors.CheckThenAct,
    }.ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var race = new RaceContext(start.Compilation, start.CancellationToken);
            start.RegisterOperationAction(c => AnalyzeLauncher(c, race), OperationKind.Invocation, OperationKind.ObjectCreation);
            if (race.Known.ParallelizableAttribute is not null)
            {
                start.RegisterOperationBlockAction(c => AnalyzeParallelizableMethod(c, race));
            }
        });
    }

    private static void AnalyzeLauncher(OperationAnalysisContext context, RaceContext race)
    {
        if (WorkerFinder.LauncherName(context.Operation, race.Known) is not { } name)
        {
            return;
        }

        foreach (var worker in WorkerFinder.Delegates(context.Operation, name))
        {
            switch (worker.Target)
            {
                case IAnonymousFunctionOperation function:
                {
                    var scope = new Scope(function.Syntax, function.Symbol, isWorker: true, worker.Name, worker.LoopIndex, WorkerFinder.RunsOnce(name) ? context.Operation : null);
                    Report(context.ReportDiagnostic, scope, BodyWalker.Run(function.Body, scope, race, ImmutableStack<IMethodSymbol>.Empty, 0));
                    break;
                }

                case IMethodReferenceOperation reference when !race.Known.IsParallelizable(reference.Method.OriginalDefinition):
                {
                    var scope = new Scope(reference.Syntax, null, isWorker: true, worker.Name, null);
                    Report(context.ReportDiagnostic, scope, BodyWalker.RunCall(reference.Method, reference.Instance, scope, race, reference));
                    break;
                }
            }
        }
    }

    private static void AnalyzeParallelizableMethod(OperationBlockAnalysisContext context, RaceContext race)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !race.Known.IsParallelizable(method))
        {
            return;
        }

        foreach (var block in context.OperationBlocks)
        {
            if (block is IParameterInitializerOperation || block.Kind == OperationKind.Attribute)
            {
                continue;
            }

            var declaration = block.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() ?? block.Syntax;
            var scope = new Scope(declaration, method, isWorker: true, method.Name, null);
            Report(context.ReportDiagnostic, scope, BodyWalker.Run(block, scope, race, ImmutableStack<IMethodSymbol>.Empty, 0));
        }
    }

    private static void Report(Action<Diagnostic> report, Scope scope, List<Effect> effects)
    {
        var reported = new HashSet<(string, int, int)>();
        foreach (var effect in effects)
        {
            var location = effect.Operation.Syntax.GetLocation();
            if (!reported.Add((effect.RuleId, location.SourceSpan.Start, location.SourceSpan.Length)))
            {
                continue;
            }

            var descriptor = ById[effect.RuleId];
            var arguments = effect.RuleId == DiagnosticIds.SharedWriteThroughCall
                ? new object[] { scope.WorkerName, string.Join(" -> ", effect.Path.Select(p => "'" + p + "'")), effect.What }
                : new object[] { scope.WorkerName }.Concat(effect.MessageArguments).ToArray();
            report(Diagnostic.Create(descriptor, location, arguments));
        }
    }
}
