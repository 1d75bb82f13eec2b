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
/// PG0105: at a call of a generated wrapper, the same mutable object goes to several work items (a loop-invariant
/// argument of <c>XSubmit</c> in a loop, one instance captured into every tuple of <c>XMap</c>) and the
/// [Parallelizable] method writes through that parameter.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SharedWorkItemArgumentAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SameObjectInManyItems);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var race = new RaceContext(start.Compilation, start.CancellationToken);
            if (race.Known.ParallelizableAttribute is not null)
            {
                start.RegisterSyntaxNodeAction(c => Analyze(c, race), SyntaxKind.InvocationExpression);
            }
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, RaceContext race)
    {
        if (!LauncherSyntax.MayCallWrapper((InvocationExpressionSyntax)context.Node)
            || context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IInvocationOperation invocation
            || WrapperCalls.Find(invocation.TargetMethod, race.Known) is not { } found)
        {
            return;
        }

        var (method, kind) = found;
        var writes = WritesThroughParameters(method, race);
        if (writes.Count == 0)
        {
            return;
        }

        if (kind == "Submit")
        {
            AnalyzeSubmit(context, invocation, method, writes);
        }
        else if (invocation.Arguments.Length > 0)
        {
            AnalyzeMap(context, invocation, method, writes);
        }
    }

    /// <summary>Parameter ordinal -> what the method does through it ("calls 'Add' on parameter 'sink', ...").</summary>
    private static Dictionary<int, string> WritesThroughParameters(IMethodSymbol method, RaceContext race)
    {
        var writes = new Dictionary<int, string>();
        foreach (var effect in race.Summaries.Get(method, ImmutableStack<IMethodSymbol>.Empty, 0).Effects)
        {
            if (effect.Origin.Kind == OriginKind.Parameter && !writes.ContainsKey(effect.Origin.Ordinal))
            {
                writes[effect.Origin.Ordinal] = effect.Path.IsEmpty ? effect.What : "calls " + string.Join(" -> ", effect.Path.Select(p => "'" + p + "'")) + ", which " + effect.What;
            }
        }

        return writes;
    }

    private static void AnalyzeSubmit(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method, Dictionary<int, string> writes)
    {
        if (EnclosingLoop(invocation) is not { } loop)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter is { } p ? method.Parameters.FirstOrDefault(m => m.Name == p.Name) : null;
            if (parameter is null || !writes.TryGetValue(parameter.Ordinal, out var what) || !IsSharedObject(argument.Value, loop.Syntax))
            {
                continue;
            }

            Report(context, argument.Value, invocation, method, what);
        }
    }

    private static void AnalyzeMap(SyntaxNodeAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method, Dictionary<int, string> writes)
    {
        var items = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        if (items is null)
        {
            return;
        }

        var itemParameters = method.Parameters.Count(p => p.Type.Name != "CancellationToken");
        var seenInLiterals = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        foreach (var op in items.DescendantsAndSelf())
        {
            if (itemParameters > 1 && op is ITupleOperation tuple)
            {
                for (var k = 0; k < tuple.Elements.Length; k++)
                {
                    if (writes.TryGetValue(k, out var what))
                    {
                        Consider(context, tuple.Elements[k], invocation, method, what, seenInLiterals);
                    }
                }
            }
            else if (itemParameters == 1 && writes.TryGetValue(0, out var what))
            {
                if (op is IReturnOperation { ReturnedValue: { } returned } && Lambda(op, invocation) is not null)
                {
                    Consider(context, returned, invocation, method, what, seenInLiterals);
                }
                else if (op is IInvocationOperation { TargetMethod.Name: "Repeat", TargetMethod.ContainingType.Name: "Enumerable" } repeat
                    && repeat.Arguments.Length > 0
                    && BodyWalker.Unwrap(repeat.Arguments[0].Value) is { Type: { IsReferenceType: true, SpecialType: not SpecialType.System_String } } repeated)
                {
                    // Enumerable.Repeat(x, n) hands one object to n work items, whatever x is.
                    Report(context, repeated, invocation, method, what);
                }
            }
        }
    }

    private static void Consider(SyntaxNodeAnalysisContext context, IOperation element, IInvocationOperation invocation, IMethodSymbol method, string what, Dictionary<ISymbol, int> seenInLiterals)
    {
        var value = BodyWalker.Unwrap(element);
        if (value?.Type is not { IsReferenceType: true } type || type.SpecialType == SpecialType.System_String)
        {
            return;
        }

        if (Lambda(element, invocation) is { } lambda)
        {
            if (IsSharedObject(value, lambda.Syntax))
            {
                Report(context, value, invocation, method, what);
            }

            return;
        }

        // A literal list of tuples: the same variable in two or more of them.
        if (BodyWalker.ReferencedSymbol(value) is { } symbol)
        {
            seenInLiterals.TryGetValue(symbol, out var count);
            seenInLiterals[symbol] = count + 1;
            if (count == 1)
            {
                Report(context, value, invocation, method, what);
            }
        }
    }

    /// <summary>Whether <paramref name="value"/> is the same object every time the code in <paramref name="region"/> runs.</summary>
    private static bool IsSharedObject(IOperation value, SyntaxNode region)
    {
        value = BodyWalker.Unwrap(value)!;
        if (value.Type is not { IsReferenceType: true } type || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        ISymbol? symbol = value switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => null,
            _ => null,
        };

        if (value is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
        {
            return true;
        }

        if (symbol is null)
        {
            return false;
        }

        if (symbol is IFieldSymbol)
        {
            return true;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == region.SyntaxTree && region.Span.Contains(reference.Span))
            {
                return false; // declared inside the loop or lambda: a fresh variable each time
            }
        }

        return true;
    }

    private static ILoopOperation? EnclosingLoop(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    private static IAnonymousFunctionOperation? Lambda(IOperation operation, IOperation stopAt)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation function)
            {
                return function;
            }

            if (parent == stopAt)
            {
                return null;
            }
        }

        return null;
    }

    private static void Report(SyntaxNodeAnalysisContext context, IOperation value, IInvocationOperation invocation, IMethodSymbol method, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SameObjectInManyItems,
            value.Syntax.GetLocation(),
            value.Syntax.ToString(),
            invocation.TargetMethod.Name,
            method.Name,
            what));
}
