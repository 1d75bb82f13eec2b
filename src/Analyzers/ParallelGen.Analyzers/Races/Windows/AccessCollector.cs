using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// Collects the reads and writes a piece of code makes of storage other threads can reach (variables, static members,
/// fields and properties below them, elements of arrays and non-thread-safe collections), with the locks held, whether
/// each is atomic, and the handshakes it makes; calls into the compilation's own methods go through
/// <see cref="AccessSummaries"/>.
/// </summary>
internal sealed partial class AccessCollector
{
    private readonly RaceContext _context;
    private readonly SyntaxNode _boundary;
    private readonly IMethodSymbol? _summarized;
    private readonly bool _ownLocalsPrivate;
    private readonly ImmutableStack<IMethodSymbol> _stack;
    private readonly Func<IAnonymousFunctionOperation, bool> _skip;
    private readonly List<Access> _accesses = new();
    private readonly List<Handshake> _handshakes = new();
    private int _height;
    private bool _complete = true;
    private int _cutDepth = int.MaxValue;
    private IOperation? _state;
    private Dictionary<ILocalSymbol, IOperation?>? _aliases;
    private int _aliasDepth;
    private IMethodSymbol? _stateReceiver;

    private AccessCollector(RaceContext context, SyntaxNode boundary, IMethodSymbol? summarized, bool ownLocalsPrivate, ImmutableStack<IMethodSymbol> stack, Func<IAnonymousFunctionOperation, bool> skip)
    {
        this._context = context;
        this._boundary = boundary;
        this._summarized = summarized;
        this._ownLocalsPrivate = ownLocalsPrivate;
        this._stack = stack;
        this._skip = skip;
    }

    private KnownTypes Known => _context.Known;

    /// <summary>The accesses of <paramref name="body"/>; <paramref name="ownLocalsPrivate"/> drops variables declared inside <paramref name="boundary"/>.</summary>
    public static (List<Access> Accesses, List<Handshake> Handshakes) Region(IOperation body, SyntaxNode boundary, bool ownLocalsPrivate, RaceContext context, Func<IAnonymousFunctionOperation, bool> skip)
    {
        var collector = new AccessCollector(context, boundary, null, ownLocalsPrivate, ImmutableStack<IMethodSymbol>.Empty, skip);
        collector.Walk(body);
        return (collector._accesses, collector._handshakes);
    }

    /// <summary>The accesses of a call of <paramref name="method"/> on <paramref name="receiver"/> made at <paramref name="at"/>: a method-group worker.</summary>
    /// <paramref name="state"/>: the state object the launcher hands to the worker's first parameter, or null.
    public static (List<Access> Accesses, List<Handshake> Handshakes) Call(IMethodSymbol method, IOperation? receiver, IOperation at, RaceContext context, ImmutableArray<IArgumentOperation> arguments, IOperation? state = null)
    {
        var collector = new AccessCollector(context, at.Syntax, null, ownLocalsPrivate: true, ImmutableStack<IMethodSymbol>.Empty, _ => false) { _state = state, _stateReceiver = method };
        collector.Summary(method, receiver, arguments, at);
        return (collector._accesses, collector._handshakes);
    }

    /// <summary>The summary of <paramref name="method"/>'s body, computed at the depth of <paramref name="stack"/>.</summary>
    public static AccessSummary Summarize(IMethodSymbol method, IOperation body, SyntaxNode syntax, RaceContext context, ImmutableStack<IMethodSymbol> stack)
    {
        var collector = new AccessCollector(context, syntax, method, ownLocalsPrivate: true, stack, _ => false);
        collector.Walk(body);
        var depth = Count(stack) - 1;
        var isComplete = collector._complete && collector._cutDepth >= depth;
        return new AccessSummary(collector._accesses.ToImmutableArray(), collector._handshakes.ToImmutableArray(), collector._height, isComplete, isComplete ? int.MaxValue : collector._cutDepth);
    }

    private static int Count(ImmutableStack<IMethodSymbol> stack)
    {
        var n = 0;
        foreach (var _ in stack)
        {
            n++;
        }

        return n;
    }

    private void Walk(IOperation body)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0 && _accesses.Count < 512)
        {
            var operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation function && function.Syntax != _boundary
                && (_skip(function) || WorkerFinder.IsLazyFactory(function, Known) || (_summarized is not null && WorkerFinder.IsWorker(function, Known))))
            {
                continue;
            }

            if (operation is ILocalFunctionOperation && operation.Syntax != _boundary)
            {
                continue; // runs where it is called: its summary is taken there
            }

            Inspect(operation);
            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    private void Inspect(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                Invocation(invocation);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation when IsSource(constructor):
                Summary(constructor, null, creation.Arguments, creation);
                break;
            case IForEachLoopOperation loop when Known.IsMutableCollection(loop.Collection.Type) || Known.IsMutableCollection(BodyWalker.Unwrap(loop.Collection)?.Type):
                if (KeyOf(loop.Collection, out _) is { } collection)
                {
                    Add(collection.Member("[]"), AccessKind.Read, false, loop.Collection, null);
                }

                break;
            case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation:
                if (!IsReceiver(operation))
                {
                    Reference(operation);
                }

                break;
        }
    }

    /// <summary>Whether the operation is the object of a larger access (a.b, a[i], a.M()), which records it instead.</summary>
    private static bool IsReceiver(IOperation operation)
    {
        var site = operation;
        while (site.Parent is IConversionOperation or IParenthesizedOperation)
        {
            site = site.Parent;
        }

        return site.Parent switch
        {
            IFieldReferenceOperation field => field.Instance == site,
            IPropertyReferenceOperation property => property.Instance == site,
            IArrayElementReferenceOperation element => element.ArrayReference == site,
            IInvocationOperation invocation => invocation.Instance == site,
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } call } argument => call.Arguments.Length > 0 && call.Arguments[0] == argument,
            _ => false,
        };
    }

    private void Reference(IOperation operation)
    {
        if (operation is IPropertyReferenceOperation property)
        {
            if (TaskOfSource(property))
            {
                if (KeyOf(property.Instance, out _) is { } source)
                {
                    _handshakes.Add(new Handshake(source, HandshakeKind.Wait, Order.At(operation.Syntax.SpanStart)));
                }

                return;
            }

            if (IsSource(property.Property) && !property.Property.IsIndexer && !IsAutoProperty(property.Property))
            {
                var accessor = IsWriteSite(operation, out _) == AccessKind.Write ? property.Property.SetMethod : property.Property.GetMethod;
                if (accessor is not null)
                {
                    Summary(accessor, property.Instance, property.Arguments, operation);
                }

                return;
            }
        }

        if (KeyOf(operation, out var index) is not { } key)
        {
            return;
        }

        var kind = IsWriteSite(operation, out var atomic);
        if (kind is null)
        {
            return; // a ref argument of a summarized method: its summary says what happens to it
        }

        atomic |= BodyWalker.Unwrap(operation) is IFieldReferenceOperation { Field.IsVolatile: true } && kind == AccessKind.Read
            || (BodyWalker.Unwrap(operation) is IFieldReferenceOperation { Field.IsVolatile: true } && operation.Parent is ISimpleAssignmentOperation);

        if (BodyWalker.Unwrap(operation) is IFieldReferenceOperation { Field.IsVolatile: true } && atomic)
        {
            // A volatile flag: its write publishes what came before (release); a loop spinning on its read sees it (acquire).
            if (kind == AccessKind.Write)
            {
                _handshakes.Add(new Handshake(key, HandshakeKind.Signal, Order.At(operation.Syntax.SpanStart)));
            }
            else if (InSpinCondition(operation))
            {
                _handshakes.Add(new Handshake(key, HandshakeKind.Wait, Order.At(operation.Syntax.SpanStart)));
            }
        }

        Add(key, kind.Value, atomic, kind == AccessKind.Write ? WriteSite(operation) : operation, index);
    }

    /// <summary>Whether <paramref name="operation"/> is in the condition of a <c>while</c>/<c>do</c> loop (a spin wait on a flag).</summary>
    private static bool InSpinCondition(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IWhileLoopOperation { Condition: { } condition })
            {
                return condition.Syntax.Span.Contains(operation.Syntax.Span);
            }

            if (parent is IBlockOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The assignment or increment that writes through <paramref name="target"/>: where a write is reported.</summary>
    private static IOperation WriteSite(IOperation target)
    {
        var site = target;
        while (site.Parent is IConversionOperation or IParenthesizedOperation)
        {
            site = site.Parent;
        }

        return site.Parent is IAssignmentOperation or IIncrementOrDecrementOperation or ICoalesceAssignmentOperation or IArgumentOperation ? site.Parent : target;
    }

    private bool TaskOfSource(IPropertyReferenceOperation property) =>
        property.Property.Name == "Task" && property.Instance is not null
        && (KnownTypes.Is(property.Instance.Type, Known.TaskCompletionSource) || KnownTypes.Is(property.Instance.Type, Known.TaskCompletionSourceOfT));

    /// <summary>Read or write; null for a ref argument handed to a method of the compilation (its summary decides).</summary>
    private AccessKind? IsWriteSite(IOperation operation, out bool atomic)
    {
        atomic = false;
        var site = operation;
        while (site.Parent is IConversionOperation or IParenthesizedOperation)
        {
            site = site.Parent;
        }

        switch (site.Parent)
        {
            case IAssignmentOperation assignment when assignment.Target == site:
            case ICoalesceAssignmentOperation coalesce when coalesce.Target == site:
            case IIncrementOrDecrementOperation:
                return AccessKind.Write;
            case IArgumentOperation { Parameter.RefKind: not RefKind.None, Parent: IInvocationOperation atomicCall } when Known.IsAtomicHelper(atomicCall.TargetMethod.ContainingType):
                atomic = true;
                return atomicCall.TargetMethod.Name == "Read" ? AccessKind.Read : AccessKind.Write;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out or RefKind.In } argument:
                if (argument.Parent is IInvocationOperation call)
                {
                    if (IsSource(call.TargetMethod))
                    {
                        return null;
                    }
                }

                return argument.Parameter?.RefKind == RefKind.In ? AccessKind.Read : AccessKind.Write;
            case ITupleOperation tuple when IsDeconstructionTarget(tuple):
                return AccessKind.Write;
            default:
                return AccessKind.Read;
        }
    }

    private static bool IsDeconstructionTarget(ITupleOperation tuple)
    {
        IOperation current = tuple;
        while (current.Parent is ITupleOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current;
    }

    private void Add(StorageKey key, AccessKind kind, bool atomic, IOperation at, object? index) =>
        _accesses.Add(new Access(key, kind, atomic, HeldLocks.Of(at, Known, _boundary), Order.At(at.Syntax.SpanStart), at, index));

    private bool IsSource(ISymbol symbol) => SourceSymbols.IsDeclaredIn(symbol, _context.Compilation);

    private static bool IsAutoProperty(IPropertySymbol property) => SourceSymbols.IsAutoProperty(property);
}
