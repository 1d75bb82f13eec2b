using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Race rules inside workers: PG0100 (captured variable), PG0101 (static member), PG0102 (field of a shared object),
/// PG0103 (shared non-thread-safe collection), PG0104 (shared Random), PG0106 (write reached through a call),
/// PG0107 (check-then-act on a concurrent collection), PG0108/PG0109 (run-once workers against the code that starts
/// them and against each other, <see cref="Windows.LaunchWindows"/>) and PG0110 (a neighbour element read).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedStateRaceAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_byId = new[]
    {
        DiagnosticDescriptors.CapturedVariableWritten,
        DiagnosticDescriptors.StaticMemberWritten,
        DiagnosticDescriptors.InstanceFieldWritten,
        DiagnosticDescriptors.SharedCollectionMutated,
        DiagnosticDescriptors.SharedRandom,
        DiagnosticDescriptors.SharedWriteThroughCall,
        DiagnosticDescriptors.CheckThenAct,
        DiagnosticDescriptors.StartingCodeRace,
        DiagnosticDescriptors.ConcurrentLaunchRace,
        DiagnosticDescriptors.NeighbourElementRead,
    }.ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = s_byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var race = new RaceContext(start.Compilation, start.CancellationToken);
            // Syntax first, semantics only for candidates: an operation action would make the driver bind every member.
            start.RegisterSyntaxNodeAction(c => AnalyzeLauncher(c, race), SyntaxKind.InvocationExpression, SyntaxKind.ObjectCreationExpression);
            start.RegisterSyntaxNodeAction(c => AnalyzeQuery(c, race), SyntaxKind.QueryExpression);
            if (race.Known.ParallelizableAttribute is not null)
            {
                start.RegisterSyntaxNodeAction(c => AnalyzeParallelizableMethod(c, race), SyntaxKind.MethodDeclaration);
            }
        });
    }

    private static void AnalyzeLauncher(SyntaxNodeAnalysisContext context, RaceContext race)
    {
        var (candidate, helper) = context.Node switch
        {
            InvocationExpressionSyntax invocation => (LauncherSyntax.MayLaunch(invocation) || LauncherSyntax.MayCallHelper(invocation, race.Screen.IsMemberName), true),
            ObjectCreationExpressionSyntax creation => (LauncherSyntax.MayLaunch(creation), false),
            _ => (false, false),
        };

        if (!candidate || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not { } launcher)
        {
            return;
        }

        if (WorkerFinder.LauncherName(launcher, race.Known) is { } name)
        {
            AnalyzeWorkers(context, race, launcher, name, WorkerFinder.Delegates(launcher, name));
        }
        else if (helper && launcher is IInvocationOperation call && race.Helpers.Of(call.TargetMethod) is { IsEmpty: false })
        {
            // A method of the compilation that runs its delegate parameter in parallel (issue 13, point 5).
            var helperName = call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
            foreach (var (how, workers) in race.Helpers.Workers(call))
            {
                AnalyzeWorkers(context, race, launcher, how.InnerLauncher, workers, helperName, how);
            }
        }
    }

    /// <summary>PLINQ in query syntax (<c>from x in xs.AsParallel() where ... select ...</c>): the clauses are implicit lambdas.</summary>
    private static void AnalyzeQuery(SyntaxNodeAnalysisContext context, RaceContext race)
    {
        var query = (QueryExpressionSyntax)context.Node;
        if (!LauncherSyntax.MayBeParallelQuery(query) || context.SemanticModel.GetOperation(query, context.CancellationToken) is not { } operation)
        {
            return;
        }

        foreach (var op in operation.DescendantsAndSelf())
        {
            if (op is IInvocationOperation { IsImplicit: true } clause && WorkerFinder.LauncherName(clause, race.Known) is { } name)
            {
                AnalyzeWorkers(context, race, clause, name, WorkerFinder.Delegates(clause, name));
            }
        }
    }

    private static void AnalyzeWorkers(SyntaxNodeAnalysisContext context, RaceContext race, IOperation launcher, string name, IEnumerable<WorkerDelegate> workers, string? helper = null, HelperLaunch? how = null)
    {
        if (WorkerFinder.RunsSequentially(launcher, race.Known))
        {
            return; // MaxDegreeOfParallelism = 1, WithDegreeOfParallelism(1): one work item at a time
        }

        var runsOnce = WorkerFinder.RunsOnce(name) && how is not { Repeated: true }; // a helper that starts the delegate in a loop runs many copies
        var launch = !runsOnce ? null
            : Windows.LaunchFinder.Describe(launcher, name, helper is null ? null : workers as IReadOnlyList<WorkerDelegate>, race.Known, how is { JoinedInside: true });
        if (runsOnce)
        {
            race.Windows.AnalyzeOnce(launcher, context.ContainingSymbol, context.ReportDiagnostic);
        }

        foreach (var worker in workers)
        {
            switch (worker.Target)
            {
                case IAnonymousFunctionOperation function:
                {
                    var scope = new Scope(function.Syntax, function.Symbol, isWorker: true, worker.Name, worker.LoopIndex, runsOnce ? launcher : null, launch, WorkerFinder.HasDistinctItems(launcher, race.Known));
                    Report(context.ReportDiagnostic, scope, BodyWalker.Run(function.Body, scope, race, ImmutableStack<IMethodSymbol>.Empty, 0));
                    break;
                }

                case IMethodReferenceOperation reference when !race.Known.IsParallelizable(reference.Method.OriginalDefinition):
                {
                    var scope = new Scope(reference.Syntax, null, isWorker: true, worker.Name, null, runsOnce ? launcher : null, launch);
                    Report(context.ReportDiagnostic, scope, BodyWalker.RunCall(reference.Method, reference.Instance, scope, race, reference, worker.LoopIndex?.Ordinal ?? -1));
                    break;
                }
            }
        }
    }

    private static void AnalyzeParallelizableMethod(SyntaxNodeAnalysisContext context, RaceContext race)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (!LauncherSyntax.MayBeParallelizable(declaration) || (declaration.Body is null && declaration.ExpressionBody is null)
            || !race.Screen.NeedsAnalysis(declaration)
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method
            || !race.Known.IsParallelizable(method)
            || context.SemanticModel.GetOperation(declaration, context.CancellationToken) is not { } body)
        {
            return;
        }

        var scope = new Scope(declaration, method, isWorker: true, method.Name, null);
        Report(context.ReportDiagnostic, scope, BodyWalker.Run(body, scope, race, ImmutableStack<IMethodSymbol>.Empty, 0));
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

            var descriptor = s_byId[effect.RuleId];
            var arguments = effect.RuleId == DiagnosticIds.SharedWriteThroughCall
                ? new object[] { scope.WorkerName, string.Join(" -> ", effect.Path.Select(p => "'" + p + "'")), effect.What }
                : new object[] { scope.WorkerName }.Concat(effect.MessageArguments).ToArray();
            report(Diagnostic.Create(descriptor, location, arguments));
        }
    }
}
