using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ParallelGen.Analyzers.Races;
using ParallelGen.Shared;
using ParallelGen.Shared.Crossing;

namespace ParallelGen.Analyzers.Crossing;

/// <summary>
/// What cannot cross to a worker process, at compile time: a method sent to a <c>ProcessPoolExecutor</c> whose
/// parameters, result or instance cannot be copied (PG0006, by the same <see cref="MethodCrossing"/> rule the
/// generator emits by), a lambda or delegate handed to the pool (PG0007), and writes the worker would keep to itself
/// (PG0120). A method is "sent" where a generated wrapper gets an executor whose static type is the pool, or everywhere
/// when it opts in with <c>[Parallelizable(CrossProcess = true)]</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrossProcessAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> s_poolEntryPoints = ImmutableHashSet.Create(System.StringComparer.Ordinal, "Submit", "Map", "MapAsync", "AsCompleted");

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.CannotCrossProcess,
        DiagnosticDescriptors.DelegateToProcessPool,
        DiagnosticDescriptors.WriteLostInWorkerProcess);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var known = KnownTypes.Create(start.Compilation);
            if (known.ParallelizableAttribute is null)
            {
                return;
            }

            // Code blocks and syntax, not operations: an operation action makes the driver bind every member of the
            // compilation; here only opted-in methods and calls named like a pool entry point or a wrapper are bound.
            var crossing = new CrossingContext(start.Compilation);
            start.RegisterCodeBlockAction(block => AnalyzeOptIn(block, known, crossing));
            if (start.Compilation.GetTypeByMetadataName(ProcessPoolSends.ProcessPoolMetadataName) is { } pool)
            {
                start.RegisterSyntaxNodeAction(c => AnalyzeInvocation(c, known, crossing, pool), SyntaxKind.InvocationExpression);
            }
        });
    }

    /// <summary>A method marked <c>[Parallelizable(CrossProcess = true)]</c>: PG0006 on its name, PG0120 on each lost write.</summary>
    private static void AnalyzeOptIn(CodeBlockAnalysisContext context, KnownTypes known, CrossingContext crossing)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !OptsIn(known.ParallelizableData(method)))
        {
            return;
        }

        var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(context.CancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (declaration is not null && MethodCrossing.Explain(method, crossing) is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CannotCrossProcess, declaration.Identifier.GetLocation(), MethodCrossing.Name(method), reason));
        }

        if (context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken) is { } block)
        {
            foreach (var (write, what) in LostWrites.Find(block))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteLostInWorkerProcess, write.Syntax.GetLocation(), MethodCrossing.Name(method), what));
            }
        }
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, KnownTypes known, CrossingContext crossing, INamedTypeSymbol pool)
    {
        // Screen by name before binding: a pool entry point, or a wrapper (XMap, XSubmit, ...) that is given arguments.
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (syntax.ArgumentList.Arguments.Count == 0
            || LauncherSyntax.InvokedName(syntax) is not { } name
            || !(s_poolEntryPoints.Contains(name) || ParallelizableNames.TrySplitWrapperName(name, out _, out _))
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not IInvocationOperation invocation)
        {
            return;
        }

        if (s_poolEntryPoints.Contains(invocation.TargetMethod.Name)
            && invocation.Instance is { } receiver
            && ProcessPoolSends.IsPool(ProcessPoolSends.Unwrap(receiver), pool))
        {
            ReportDelegates(context, invocation);
            return;
        }

        if (WrapperCalls.Find(invocation.TargetMethod, known) is not { } wrapped
            || ProcessPoolSends.PoolArgument(invocation, pool) is not { } executor)
        {
            return;
        }

        var method = wrapped.Method;
        if (OptsIn(known.ParallelizableData(method)))
        {
            return; // reported once, at the method
        }

        var location = executor.Syntax.GetLocation();
        if (MethodCrossing.Explain(method, crossing) is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CannotCrossProcess, location, MethodCrossing.Name(method), reason));
        }

        foreach (var body in Bodies(method, context))
        {
            foreach (var (write, what) in LostWrites.Find(body))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WriteLostInWorkerProcess, location, new[] { write.Syntax.GetLocation() }, MethodCrossing.Name(method), what));
            }
        }
    }

    /// <summary>PG0007 on each lambda, method group or delegate value passed to the pool's own entry points.</summary>
    private static void ReportDelegates(SyntaxNodeAnalysisContext context, IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.TypeKind != TypeKind.Delegate || argument.IsImplicit)
            {
                continue;
            }

            var value = ProcessPoolSends.Unwrap(argument.Value);
            var what = value switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation } => "A lambda",
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => "The method group '" + reference.Method.Name + "'",
                _ => "A delegate",
            };
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DelegateToProcessPool, argument.Value.Syntax.GetLocation(), what, invocation.TargetMethod.Name));
        }
    }

    private static System.Collections.Generic.IEnumerable<IOperation> Bodies(IMethodSymbol method, SyntaxNodeAnalysisContext context)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration
                || (declaration.Body ?? (SyntaxNode?)declaration.ExpressionBody) is not { } body)
            {
                continue;
            }

#pragma warning disable RS1030 // The method sent to the pool is usually declared in another tree than the call site.
            var model = context.Compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            if (model.GetOperation(body, context.CancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }

    private static bool OptsIn(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == ParallelizableNames.CrossProcessArgument && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }
}
