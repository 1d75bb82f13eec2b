using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Finds workers: delegates passed to Parallel.For/ForEach/ForEachAsync/Invoke, PLINQ operators, Task.Run,
/// Task.Factory.StartNew, new Task/new Thread, ThreadPool.QueueUserWorkItem, and the ParallelGen runtime
/// (IExecutor.Submit/Map/AsCompleted, GeneratedSupport, WorkBody).
/// </summary>
internal static partial class WorkerFinder
{
    /// <summary>The name of the worker if <paramref name="operation"/> (an invocation or object creation) runs delegates in parallel.</summary>
    public static string? LauncherName(IOperation operation, KnownTypes known)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
            {
                var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                var type = method.ContainingType;
                if (type is null)
                {
                    return null;
                }

                if (KnownTypes.Is(type, known.Parallel))
                {
                    return method.Name is "For" or "ForEach" or "ForEachAsync" or "Invoke" ? "Parallel." + method.Name : null;
                }

                if (KnownTypes.Is(type, known.ParallelEnumerable))
                {
                    return method.Name is "AsParallel" or "AsSequential" or "AsOrdered" or "AsUnordered" ? null : "PLINQ " + method.Name;
                }

                if (KnownTypes.Is(type, known.Task) || KnownTypes.Is(type, known.TaskOfT))
                {
                    return method.Name == "Run" ? "Task.Run" : null;
                }

                if (KnownTypes.Is(type, known.TaskFactory) || KnownTypes.Is(type, known.TaskFactoryOfT))
                {
                    return method.Name == "StartNew" ? "Task.Factory.StartNew" : null;
                }

                if (KnownTypes.Is(type, known.ThreadPool))
                {
                    return method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem" ? "ThreadPool." + method.Name : null;
                }

                if (KnownTypes.Is(type, known.GeneratedSupport) || KnownTypes.Is(type, known.WorkBody))
                {
                    return type.Name + "." + method.Name;
                }

                if (known.Executor is not null && method.Name is "Submit" or "Map" or "AsCompleted" && IsExecutor(type, known.Executor))
                {
                    return type.Name + "." + method.Name;
                }

                return null;
            }

            case IObjectCreationOperation creation:
            {
                var type = creation.Type;
                if (KnownTypes.Is(type, known.Thread))
                {
                    return "new Thread";
                }

                if (KnownTypes.Is(type, known.Task) || KnownTypes.Is(type, known.TaskOfT))
                {
                    return "new Task";
                }

                return null;
            }

            default:
                return null;
        }
    }

    /// <summary>
    /// Whether the launch runs its work items one at a time: Parallel.* with <c>new ParallelOptions { MaxDegreeOfParallelism = 1 }</c>,
    /// or a PLINQ query with <c>WithDegreeOfParallelism(1)</c>.
    /// </summary>
    public static bool RunsSequentially(IOperation launcher, KnownTypes known)
    {
        if (launcher is not IInvocationOperation invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (BodyWalker.Unwrap(argument.Value) is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var init in initializer.Initializers)
                {
                    if (init is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "MaxDegreeOfParallelism" }, Value.ConstantValue: { HasValue: true, Value: 1 } })
                    {
                        return true;
                    }
                }
            }
        }

        if (!KnownTypes.Is(invocation.TargetMethod.ContainingType, known.ParallelEnumerable))
        {
            return false;
        }

        IOperation? receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        for (var depth = 0; depth < 16 && BodyWalker.Unwrap(receiver) is IInvocationOperation inner; depth++)
        {
            if (inner.TargetMethod.Name == "WithDegreeOfParallelism" && inner.Arguments.Length == 2 && inner.Arguments[1].Value.ConstantValue is { HasValue: true, Value: 1 })
            {
                return true;
            }

            receiver = inner.Instance ?? (inner.Arguments.Length > 0 ? inner.Arguments[0].Value : null);
        }

        return false;
    }

    /// <summary>
    /// Whether the items the launch hands out are distinct: a set, the keys of a dictionary, <c>Distinct()</c>,
    /// <c>Enumerable.Range</c> (so an item used as a key is the work item's own key).
    /// </summary>
    public static bool HasDistinctItems(IOperation launcher, KnownTypes known)
    {
        if (launcher is not IInvocationOperation { Arguments.Length: > 0 } invocation)
        {
            return false;
        }

        var source = invocation.Instance ?? invocation.Arguments[0].Value;
        for (var depth = 0; depth < 16; depth++)
        {
            source = BodyWalker.Unwrap(source);
            switch (source)
            {
                case IInvocationOperation { TargetMethod.Name: "Distinct" or "Range" or "DistinctBy" }:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "AsParallel" or "AsOrdered" or "WithDegreeOfParallelism" or "WithCancellation" or "Where" or "OrderBy" } chained:
                    source = chained.Instance ?? (chained.Arguments.Length > 0 ? chained.Arguments[0].Value : null);
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Keys" } keys:
                    return known.IsKeyed(keys.Instance?.Type);
                case null:
                    return false;
                default:
                    return KnownTypes.IsIn(source.Type, known.Sets);
            }
        }

        return false;
    }

    /// <summary>Whether the launcher named <paramref name="name"/> runs each delegate once (rather than once per item).</summary>
    public static bool RunsOnce(string name) =>
        name is "Task.Run" or "Task.Factory.StartNew" or "new Thread" or "new Task" or "Parallel.Invoke"
        || name.StartsWith("ThreadPool.", System.StringComparison.Ordinal) || name.EndsWith(".Submit", System.StringComparison.Ordinal);

    /// <summary>Whether a captured <paramref name="symbol"/> written by a run-once worker is shared: the launch is in a loop, or a sibling delegate uses it.</summary>
    public static bool SharedAcrossRuns(ISymbol symbol, IOperation launcher, SyntaxNode worker)
    {
        for (var parent = launcher.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }

            if (parent is ILoopOperation loop && !Contains(loop.Syntax, symbol))
            {
                return true;
            }
        }

        foreach (var op in launcher.ChildOperations)
        {
            foreach (var inner in op.DescendantsAndSelf())
            {
                if (inner is IAnonymousFunctionOperation sibling && sibling.Syntax != worker && !sibling.Syntax.Span.Contains(worker.Span) && !worker.Span.Contains(sibling.Syntax.Span))
                {
                    foreach (var use in sibling.Descendants())
                    {
                        if (use is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, symbol)
                            || use is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static bool Contains(SyntaxNode region, ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == region.SyntaxTree && region.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="function"/> is itself a worker (so walks of enclosing code leave it to its own analysis).</summary>
    public static bool IsWorker(IAnonymousFunctionOperation function, KnownTypes known)
    {
        IOperation current = function;
        for (var parent = function.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IDelegateCreationOperation or IConversionOperation or IArrayInitializerOperation or IArrayCreationOperation:
                    continue;
                case IArgumentOperation argument:
                    return argument.Parent is { } launcher && LauncherName(launcher, known) is not null;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="function"/> is the value factory of a Lazy&lt;T&gt; (run once, under Lazy's lock).</summary>
    public static bool IsLazyFactory(IAnonymousFunctionOperation function, KnownTypes known)
    {
        var parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IObjectCreationOperation creation }
            && (KnownTypes.Is(creation.Type, known.Lazy) || KnownTypes.Is(creation.Type, known.Lazy2));
    }

    private static bool IsExecutor(INamedTypeSymbol type, INamedTypeSymbol executor)
    {
        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, executor))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, executor))
            {
                return true;
            }
        }

        return false;
    }
}
