using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// Describes a run-once launch: where its workers start, what handle the starting code keeps (a local or field holding
/// the task or thread, or a collection of them) and the first wait on that handle (await, Wait, Join, Result,
/// GetResult, Task.WaitAll/WhenAll, Futures.WaitAsync, a foreach that waits on each).
/// </summary>
internal static class LaunchFinder
{
    /// <summary>The function (method body, lambda or local function) whose code runs the launch.</summary>
    public static IOperation Function(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>
    /// The launch <paramref name="launcher"/> makes; <paramref name="workers"/> when it is a call of a helper of the
    /// compilation that runs those delegates with the run-once launcher <paramref name="name"/>. With
    /// <paramref name="known"/>, a worker whose last statement signals an event, countdown, semaphore or
    /// <c>TaskCompletionSource</c> is joined by the starting code's first wait on that object. <paramref name="joinedInside"/>:
    /// a helper that waits for its own launch, so the call returns when the workers are done.
    /// </summary>
    public static Launch? Describe(IOperation launcher, string name, IReadOnlyList<WorkerDelegate>? workers = null, KnownTypes? known = null, bool joinedInside = false)
    {
        if (joinedInside)
        {
            return new Launch(launcher, name, launcher, null, joinedByCall: true, null, workers: workers); // the helper waits: a plain call
        }

        var function = Function(launcher);
        var start = launcher;
        ISymbol? holderOfCreation = null;
        if (launcher is IObjectCreationOperation)
        {
            var site = Climb(launcher);
            if (site.Parent is IInvocationOperation { TargetMethod.Name: "Start" } direct && direct.Instance == site)
            {
                start = direct;
            }
            else if ((holderOfCreation = Handle(site)) is { } holder && FirstAfter(function, launcher, op => op is IInvocationOperation { TargetMethod.Name: "Start" } call && Mentions(call.Instance, holder)) is { } started)
            {
                start = started;
            }
            else
            {
                return null; // not started here
            }
        }

        if (name == "Parallel.Invoke")
        {
            return new Launch(launcher, name, start, null, joinedByCall: true, null, workers: workers);
        }

        var expression = launcher is IObjectCreationOperation ? launcher : start;
        IOperation? join = null;
        var joinedByCall = false;
        ISymbol? handle = holderOfCreation;
        for (var depth = 0; depth < 8 && handle is null && join is null && !joinedByCall; depth++)
        {
            var site = Climb(expression);
            switch (site.Parent)
            {
                case IAwaitOperation awaited:
                    join = awaited;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Wait" or "Join" or "GetResult" or "RunSynchronously" } waited when waited.Instance == site:
                    join = waited;
                    break;
                case IPropertyReferenceOperation { Property.Name: "Result" } result:
                    join = result;
                    break;
                case IInvocationOperation { TargetMethod.Name: "GetAwaiter" or "ConfigureAwait" or "ContinueWith" or "Unwrap" } chained when chained.Instance == site:
                    expression = chained;
                    break;
                case IArgumentOperation { Parent: IInvocationOperation call }:
                    if (call.TargetMethod.Name is "WaitAll")
                    {
                        join = call;
                    }
                    else if (call.TargetMethod.Name is "WhenAll" || IsFuturesWait(call))
                    {
                        expression = call;
                    }
                    else if (call.TargetMethod.Name is "Add" or "Enqueue" or "Push" or "Insert" && BodyWalker.ReferencedSymbol(call.Instance) is { } collection)
                    {
                        handle = collection;
                    }
                    else
                    {
                        depth = int.MaxValue - 1; // handed elsewhere: never joined here
                    }

                    break;
                case IArrayInitializerOperation { Parent: IArrayCreationOperation array }:
                    expression = array;
                    break;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    handle = declarator.Symbol;
                    break;
                case ISimpleAssignmentOperation assignment when assignment.Value == site:
                    handle = Holder(assignment.Target);
                    depth = handle is null ? int.MaxValue - 1 : depth;
                    break;
                default:
                    depth = int.MaxValue - 1;
                    break;
            }
        }

        if (handle is not null)
        {
            join = FirstAfter(function, start, op => IsJoinOf(op, handle));
        }

        if (join is null && !joinedByCall && known is not null)
        {
            join = JoinBySignal(function, start, workers ?? WorkerFinder.Delegates(launcher, name), known);
        }

        ILoopOperation? loop = null;
        for (var parent = start.Parent; parent is not null && parent != function; parent = parent.Parent)
        {
            if (parent is ILoopOperation candidate && (join is null || !candidate.Syntax.Span.Contains(join.Syntax.Span)) && !joinedByCall)
            {
                loop = candidate;
            }
        }

        return new Launch(launcher, name, start, join, joinedByCall, loop, handle, workers);
    }

    /// <summary>
    /// A launch kept by no handle (a pool work item) or never waited on, whose every worker ends by signalling one
    /// object (<c>done.Set()</c> as its last statement): everything the worker did happens before the starting code's
    /// first wait on that object, which joins it as surely as a Wait on the task.
    /// </summary>
    private static IOperation? JoinBySignal(IOperation function, IOperation start, IEnumerable<WorkerDelegate> workers, KnownTypes known)
    {
        ISymbol? signalled = null;
        foreach (var worker in workers)
        {
            if (worker.Target is not IAnonymousFunctionOperation lambda || LastStatement(lambda.Body) is not IInvocationOperation call
                || AccessCollector.HandshakeOf(call.TargetMethod, call.Instance, known) != HandshakeKind.Signal
                || BodyWalker.ReferencedSymbol(call.Instance) is not { } target
                || (signalled is not null && !SymbolEqualityComparer.Default.Equals(signalled, target)))
            {
                return null;
            }

            signalled = target;
        }

        if (signalled is null)
        {
            return null;
        }

        return FirstAfter(function, start, op => op switch
        {
            IInvocationOperation wait => AccessCollector.HandshakeOf(wait.TargetMethod, wait.Instance, known) == HandshakeKind.Wait
                && SymbolEqualityComparer.Default.Equals(BodyWalker.ReferencedSymbol(wait.Instance), signalled),
            IAwaitOperation { Operation: IPropertyReferenceOperation { Property.Name: "Task", Instance: var source } } => SymbolEqualityComparer.Default.Equals(BodyWalker.ReferencedSymbol(source), signalled),
            _ => false,
        });
    }

    /// <summary>The last statement of a lambda body, as an expression (a trailing <c>return;</c> skipped); null when not a call.</summary>
    private static IOperation? LastStatement(IBlockOperation body)
    {
        for (var i = body.Operations.Length - 1; i >= 0; i--)
        {
            switch (body.Operations[i])
            {
                case IReturnOperation { ReturnedValue: null }:
                    continue;
                case IReturnOperation { ReturnedValue: { } value }:
                    return BodyWalker.Unwrap(value);
                case IExpressionStatementOperation statement:
                    return BodyWalker.Unwrap(statement.Operation);
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Task.WhenAny: completes when one of the tasks does, so it joins none in particular.</summary>
    private static bool IsWhenAny(IOperation operation)
    {
        var inner = BodyWalker.Unwrap(operation);
        while (inner is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured })
        {
            inner = BodyWalker.Unwrap(configured);
        }

        return inner is IInvocationOperation { TargetMethod.Name: "WhenAny" };
    }

    private static bool IsFuturesWait(IInvocationOperation call) =>
        call.TargetMethod.Name == "WaitAsync" && call.TargetMethod.ContainingType?.Name == "Futures";

    private static IOperation Climb(IOperation operation)
    {
        while (operation.Parent is IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static ISymbol? Handle(IOperation site) => site.Parent switch
    {
        IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
        ISimpleAssignmentOperation assignment when assignment.Value == site => Holder(assignment.Target),
        _ => null,
    };

    /// <summary>The variable an assignment stores a task or thread in: a local or field, or the array of <c>threads[i] = ...</c>.</summary>
    private static ISymbol? Holder(IOperation target) => BodyWalker.Unwrap(target) switch
    {
        IArrayElementReferenceOperation element => BodyWalker.ReferencedSymbol(element.ArrayReference),
        var other => BodyWalker.ReferencedSymbol(other),
    };

    private static bool IsJoinOf(IOperation operation, ISymbol handle) => operation switch
    {
        IAwaitOperation awaited => !IsWhenAny(awaited.Operation) && Mentions(awaited.Operation, handle),
        IInvocationOperation { TargetMethod.Name: "Wait" or "WaitAll" or "Join" or "GetResult" or "RunSynchronously" } call =>
            Mentions(call.Instance, handle) || ArgumentsMention(call, handle),
        IInvocationOperation call when IsFuturesWait(call) => ArgumentsMention(call, handle),
        IPropertyReferenceOperation { Property.Name: "Result" } result => Mentions(result.Instance, handle),
        IForEachLoopOperation loop => Mentions(loop.Collection, handle) && WaitsInside(loop.Body),
        _ => false,
    };

    private static bool WaitsInside(IOperation body)
    {
        foreach (var op in body.DescendantsAndSelf())
        {
            if (op is IAwaitOperation or IInvocationOperation { TargetMethod.Name: "Wait" or "Join" or "GetResult" } or IPropertyReferenceOperation { Property.Name: "Result" })
            {
                return true;
            }
        }

        return false;
    }

    private static bool ArgumentsMention(IInvocationOperation call, ISymbol handle)
    {
        foreach (var argument in call.Arguments)
        {
            if (Mentions(argument.Value, handle))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(IOperation? operation, ISymbol handle)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (var op in operation.DescendantsAndSelf())
        {
            if (SymbolEqualityComparer.Default.Equals(BodyWalker.ReferencedSymbol(op), handle))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first operation of <paramref name="function"/> after <paramref name="after"/> (not inside nested functions) that matches.</summary>
    private static IOperation? FirstAfter(IOperation function, IOperation after, System.Func<IOperation, bool> match)
    {
        IOperation? best = null;
        var from = after.Syntax.Span.End;
        var root = function is IAnonymousFunctionOperation lambda ? lambda.Body : function is ILocalFunctionOperation local ? (IOperation?)local.Body ?? local.IgnoredBody : function;
        if (root is null)
        {
            return null;
        }

        var pending = new System.Collections.Generic.Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var op = pending.Pop();
            if (op != root && op is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (op.Syntax.SpanStart >= from && (best is null || op.Syntax.SpanStart < best.Syntax.SpanStart) && match(op))
            {
                best = op;
            }

            foreach (var child in op.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return best;
    }
}
