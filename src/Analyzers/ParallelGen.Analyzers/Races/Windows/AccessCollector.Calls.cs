using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>Calls: handshakes, collection reads and writes, and the summaries of the compilation's own methods.</summary>
internal sealed partial class AccessCollector
{
    private void Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = BodyWalker.Unwrap(invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null));
        var at = Order.At(invocation.Syntax.SpanStart);
        if (HandshakeOf(method, receiver, Known) is { } kind)
        {
            if (KeyOf(receiver, out _) is { } target)
            {
                _handshakes.Add(new Handshake(target, kind, at));
            }

            return;
        }

        if (method.IsStatic && method.Name is "WaitAll" or "WaitAny" && KnownTypes.InheritsFrom(method.ContainingType, Known.WaitHandle))
        {
            foreach (var argument in invocation.Arguments)
            {
                foreach (var element in argument.Value.DescendantsAndSelf())
                {
                    if (element is ILocalReferenceOperation or IFieldReferenceOperation && KeyOf(element, out _) is { } handle)
                    {
                        _handshakes.Add(new Handshake(handle, HandshakeKind.Wait, at));
                    }
                }
            }

            return;
        }

        if (receiver is not null && KeyOf(receiver, out _) is { } key)
        {
            Add(key, AccessKind.Read, false, receiver, null);
            // ((List<int>)state).Add(x): the type is the cast's, not the object-typed variable's.
            var type = Known.IsMutableCollection(receiver.Type) || invocation.Instance is null ? receiver.Type : invocation.Instance.Type;
            if (Known.IsMutableCollection(type) && !Known.IsConcurrentCollection(type) && !SynchronizedWrappers.Holds(BodyWalker.ReferencedSymbol(receiver), Known))
            {
                var mutates = KnownTypes.IsMutatingMember(method.Name) && (!method.IsExtensionMethod || KnownTypes.Is(method.ContainingType, Known.CollectionExtensions));
                if (mutates || !method.IsExtensionMethod || IsEagerLinqRead(method))
                {
                    Add(key.Member("[]"), mutates ? AccessKind.Write : AccessKind.Read, false, invocation, null);
                }
            }
            else if (!method.IsStatic && KnownTypes.InheritsFrom(type, Known.Random))
            {
                Add(key.Member("[]"), AccessKind.Write, false, invocation, null);
            }
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && DelegateTarget(invocation) is { } lambda)
        {
            Summary(lambda, null, invocation.Arguments, invocation);
            return;
        }

        if (IsSource(method) && method.MethodKind != MethodKind.DelegateInvoke && !Known.IsParallelizable(method.OriginalDefinition))
        {
            Summary(method, invocation.Instance, invocation.Arguments, invocation);
        }
    }

    /// <summary>
    /// A LINQ operator that reads its source when called (<c>Sum</c>, <c>Count</c>, <c>ToArray</c>, <c>First</c>): one
    /// that returns a value or a new collection, not a lazy sequence (<c>Where</c>, <c>Select</c>).
    /// </summary>
    private bool IsEagerLinqRead(IMethodSymbol method)
    {
        if (!KnownTypes.Is(method.ContainingType, Known.Enumerable))
        {
            return false;
        }

        var returned = method.ReturnType;
        return returned is IArrayTypeSymbol || Known.IsMutableCollection(returned)
            || (returned.SpecialType != SpecialType.System_Collections_IEnumerable && !returned.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));
    }

    /// <summary>The lambda a delegate variable or field is initialized with; null when it comes from elsewhere.</summary>
    private IMethodSymbol? DelegateTarget(IInvocationOperation invocation)
    {
        if (BodyWalker.ReferencedSymbol(invocation.Instance) is not ({ } symbol and (ILocalSymbol or IFieldSymbol)))
        {
            return null;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_context.CancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax lambda }
                && _context.Operation(_context.Summaries.Model(lambda.SyntaxTree), lambda) is IAnonymousFunctionOperation function)
            {
                return function.Symbol;
            }
        }

        return null;
    }

    /// <summary>Which side of a handshake a call of <paramref name="method"/> on <paramref name="receiver"/> is; null when none.</summary>
    internal static HandshakeKind? HandshakeOf(IMethodSymbol method, IOperation? receiver, KnownTypes known)
    {
        var type = receiver?.Type;
        if (type is null || method.IsStatic)
        {
            return null;
        }

        if (KnownTypes.InheritsFrom(type, known.EventWaitHandle) || KnownTypes.Is(type, known.ManualResetEventSlim))
        {
            return method.Name switch { "Set" => HandshakeKind.Signal, "Wait" or "WaitOne" => HandshakeKind.Wait, _ => null };
        }

        if (KnownTypes.Is(type, known.CountdownEvent))
        {
            return method.Name switch { "Signal" => HandshakeKind.Signal, "Wait" => HandshakeKind.Wait, _ => null };
        }

        if (KnownTypes.Is(type, known.Barrier))
        {
            return method.Name == "SignalAndWait" ? HandshakeKind.Both : null;
        }

        if (KnownTypes.Is(type, known.SemaphoreSlim) || KnownTypes.Is(type, known.Semaphore))
        {
            return method.Name switch { "Release" => HandshakeKind.Signal, "Wait" or "WaitAsync" or "WaitOne" => HandshakeKind.Wait, _ => null };
        }

        if (KnownTypes.Is(type, known.TaskCompletionSource) || KnownTypes.Is(type, known.TaskCompletionSourceOfT))
        {
            return method.Name.StartsWith("Set", System.StringComparison.Ordinal) || method.Name.StartsWith("TrySet", System.StringComparison.Ordinal) ? HandshakeKind.Signal : null;
        }

        return null;
    }

    /// <summary>Adds the summary of <paramref name="method"/> called on <paramref name="receiver"/> with <paramref name="arguments"/> at <paramref name="at"/>.</summary>
    private void Summary(IMethodSymbol method, IOperation? receiver, ImmutableArray<IArgumentOperation> arguments, IOperation at)
    {
        var summary = _context.Accesses.Get(method, _stack);
        _height = System.Math.Max(_height, summary.Height + 1);
        if (!summary.Complete)
        {
            _complete = false;
            _cutDepth = System.Math.Min(_cutDepth, summary.CutDepth);
        }

        if (summary.Accesses.IsEmpty && summary.Handshakes.IsEmpty)
        {
            return;
        }

        var callerLocks = HeldLocks.Of(at, Known, _boundary);
        var site = Order.At(at.Syntax.SpanStart);
        foreach (var access in summary.Accesses)
        {
            if (Map(access.Key, method, receiver, arguments) is { } key)
            {
                _accesses.Add(access.Through(key, callerLocks, site, at));
            }
        }

        foreach (var handshake in summary.Handshakes)
        {
            if (Map(handshake.Target, method, receiver, arguments) is { } key)
            {
                _handshakes.Add(new Handshake(key, handshake.Kind, site.Then(handshake.Order)));
            }
        }
    }

    /// <summary>A key of the callee's summary seen from the caller: <c>this</c> becomes the receiver, a parameter the argument.</summary>
    private StorageKey? Map(StorageKey key, IMethodSymbol method, IOperation? receiver, ImmutableArray<IArgumentOperation> arguments)
    {
        switch (key.Kind)
        {
            case RootKind.Static:
                return key;
            case RootKind.Variable:
                return key.Root is not null && Declared(key.Root) && _ownLocalsPrivate ? null : key;
            case RootKind.This:
                if (method.IsStatic || method.MethodKind == MethodKind.Constructor)
                {
                    return null;
                }

                receiver = BodyWalker.Unwrap(receiver);
                if (receiver is null or IInstanceReferenceOperation)
                {
                    return key;
                }

                return KeyOf(receiver, out _) is { } owner ? key.WithPrefix(owner) : null;
            case RootKind.Parameter when key.Root is IParameterSymbol parameter:
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind != ArgumentKind.ParamArray)
                    {
                        return KeyOf(argument.Value, out _) is { } value ? key.WithPrefix(value) : null;
                    }
                }

                // The state object of StartNew(action, state) / QueueUserWorkItem(callback, state): the worker's first parameter.
                return _state is not null && parameter.Ordinal == 0 && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _stateReceiver)
                    && KeyOf(_state, out _) is { } state ? key.WithPrefix(state) : null;
            default:
                return null;
        }
    }
}
