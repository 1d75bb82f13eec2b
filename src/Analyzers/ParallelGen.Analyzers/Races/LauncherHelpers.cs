using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>How a helper method of the compilation runs one of its delegate parameters in parallel.</summary>
internal readonly struct HelperLaunch(string innerLauncher, int loopIndexPosition, bool repeated = false, bool joinedInside = false)
{
    /// <summary>The helper waits for the run-once launch itself (<c>Task.Run(body).Wait()</c>): its callers see a plain call.</summary>
    public bool JoinedInside { get; } = joinedInside;

    /// <summary>The helper starts the delegate from a loop (a Task.Run per element): many copies, not a run-once launch.</summary>
    public bool Repeated { get; } = repeated;

    /// <summary>The launcher the helper hands the delegate to, in the end ("Parallel.For", "Task.Run", ...).</summary>
    public string InnerLauncher { get; } = innerLauncher;

    /// <summary>Which parameter of the delegate receives the loop index; -1 when none does.</summary>
    public int LoopIndexPosition { get; } = loopIndexPosition;
}

/// <summary>
/// Launcher summaries (issue 13, point 5): a method of the compilation that hands its delegate parameter to
/// Parallel.For/ForEach/Invoke, PLINQ, Task.Run or another such helper — directly, or from a lambda that calls the
/// parameter — is itself a launcher, so the lambdas passed to a library's own <c>ParallelFor(...)</c> are workers.
/// Decided once per method; a decision cut short by recursion is not cached.
/// </summary>
internal sealed class LauncherHelpers(RaceContext context)
{
    private const int MaxDepth = 4;

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<int, HelperLaunch>> _cache = new(SymbolEqualityComparer.Default);

    /// <summary>Parameter ordinal -> how the helper runs that delegate in parallel; empty when it does not.</summary>
    public ImmutableDictionary<int, HelperLaunch> Of(IMethodSymbol method) => Of(method.OriginalDefinition, 0, out _);

    /// <summary>A cheap test before <see cref="Of(IMethodSymbol)"/>: a method of this compilation with a delegate parameter.</summary>
    public static bool MayBeHelper(IMethodSymbol method, Compilation compilation) =>
        HasDelegateParameter(method) && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);

    /// <summary>
    /// For a call of a helper: per delegate argument the helper runs in parallel, the launcher it ends in and the
    /// workers (the argument's lambdas or method groups, with the loop index mapped through). Empty when none.
    /// </summary>
    public List<(HelperLaunch How, IReadOnlyList<WorkerDelegate> Workers)> Workers(IInvocationOperation call)
    {
        var result = new List<(HelperLaunch, IReadOnlyList<WorkerDelegate>)>();
        var launches = Of(call.TargetMethod);
        if (launches.IsEmpty)
        {
            return result;
        }

        var helperName = call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name;
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is null || !launches.TryGetValue(argument.Parameter.Ordinal, out var how))
            {
                continue;
            }

            var workers = new List<WorkerDelegate>();
            foreach (var target in WorkerFinder.DelegateTargets(argument.Value))
            {
                var parameters = target switch
                {
                    IAnonymousFunctionOperation lambda => lambda.Symbol.Parameters,
                    IMethodReferenceOperation reference => reference.Method.Parameters,
                    _ => ImmutableArray<IParameterSymbol>.Empty,
                };
                var index = how.LoopIndexPosition >= 0 && how.LoopIndexPosition < parameters.Length ? parameters[how.LoopIndexPosition] : null;
                workers.Add(new WorkerDelegate(target, helperName, index));
            }

            result.Add((how, workers));
        }

        return result;
    }

    private ImmutableDictionary<int, HelperLaunch> Of(IMethodSymbol method, int depth, out bool cut)
    {
        cut = false;
        if (_cache.TryGetValue(method, out var known))
        {
            return known;
        }

        if (depth >= MaxDepth)
        {
            cut = true;
            return ImmutableDictionary<int, HelperLaunch>.Empty;
        }

        var result = ImmutableDictionary<int, HelperLaunch>.Empty;
        if (HasDelegateParameter(method) && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(context.CancellationToken);
                if (context.Operation(context.Summaries.Model(syntax.SyntaxTree), syntax) is not { } body)
                {
                    continue;
                }

                foreach (var op in body.Descendants())
                {
                    if (op is IInvocationOperation or IObjectCreationOperation)
                    {
                        result = Inspect(method, op, result, depth, ref cut); // new Thread(() => body(i)) too
                    }
                }
            }
        }

        return cut ? result : _cache.GetOrAdd(method, result);
    }

    private ImmutableDictionary<int, HelperLaunch> Inspect(IMethodSymbol helper, IOperation invocation, ImmutableDictionary<int, HelperLaunch> result, int depth, ref bool cut)
    {
        var name = WorkerFinder.LauncherName(invocation, context.Known);
        ImmutableDictionary<int, HelperLaunch>? inner = null;
        if (name is null)
        {
            if (invocation is not IInvocationOperation call)
            {
                return result;
            }

            var target = call.TargetMethod.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(target, helper) || !HasDelegateParameter(target))
            {
                return result;
            }

            inner = Of(target, depth + 1, out var innerCut);
            cut |= innerCut;
            if (inner.IsEmpty)
            {
                return result;
            }
        }

        var arguments = invocation is IInvocationOperation direct ? direct.Arguments : ((IObjectCreationOperation)invocation).Arguments;
        foreach (var argument in arguments)
        {
            HelperLaunch? how = null;
            if (inner is not null)
            {
                if (argument.Parameter is null || !inner.TryGetValue(argument.Parameter.Ordinal, out var passed))
                {
                    continue;
                }

                how = passed;
            }

            var value = BodyWalker.Unwrap(Strip(argument.Value));
            if (value is IParameterReferenceOperation { Parameter: var parameter } && IsOwn(parameter, helper))
            {
                var position = how?.LoopIndexPosition ?? (name == "Parallel.For" ? 0 : -1);
                result = result.SetItem(parameter.Ordinal, new HelperLaunch(how?.InnerLauncher ?? name!, position, (how?.Repeated ?? false) || InLoop(invocation), how?.JoinedInside ?? JoinedInside(invocation, name)));
            }
            else if (value is IAnonymousFunctionOperation lambda)
            {
                var index = how is { LoopIndexPosition: >= 0 } h && h.LoopIndexPosition < lambda.Symbol.Parameters.Length ? lambda.Symbol.Parameters[h.LoopIndexPosition]
                    : name == "Parallel.For" && lambda.Symbol.Parameters.Length > 0 ? lambda.Symbol.Parameters[0] : null;
                foreach (var call in lambda.Body.Descendants())
                {
                    if (call is IInvocationOperation { TargetMethod.MethodKind: MethodKind.DelegateInvoke, Instance: { } callee }
                        && BodyWalker.Unwrap(callee) is IParameterReferenceOperation { Parameter: var invoked } && IsOwn(invoked, helper))
                    {
                        result = result.SetItem(invoked.Ordinal, new HelperLaunch(how?.InnerLauncher ?? name!, PositionOf(call, index), (how?.Repeated ?? false) || InLoop(invocation) || InLoop(call), how?.JoinedInside ?? JoinedInside(invocation, name)));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A run-once launch the helper itself waits for (or a Parallel.* call, which returns when its workers are done).</summary>
    private bool JoinedInside(IOperation launch, string? name) =>
        name is not null && WorkerFinder.RunsOnce(name) && Windows.LaunchFinder.Describe(launch, name, known: context.Known) is { JoinedOnce: true };

    private static bool InLoop(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ILoopOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static int PositionOf(IOperation call, IParameterSymbol? index)
    {
        if (index is null)
        {
            return -1;
        }

        var arguments = ((IInvocationOperation)call).Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (BodyWalker.Unwrap(arguments[i].Value) is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, index))
            {
                return i;
            }
        }

        return -1;
    }

    private static IOperation Strip(IOperation value)
    {
        while (value is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            value = value switch
            {
                IDelegateCreationOperation creation => creation.Target,
                IConversionOperation conversion => conversion.Operand,
                _ => ((IParenthesizedOperation)value).Operand,
            };
        }

        return value;
    }

    private static bool IsOwn(IParameterSymbol parameter, IMethodSymbol helper) =>
        SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, helper);

    private static bool HasDelegateParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate)
            {
                return true;
            }
        }

        return false;
    }
}
