using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>How a lock is held.</summary>
internal enum LockMode
{
    Exclusive,
    Read,
    Upgradeable,
}

/// <summary>A lock object held around an access, and how.</summary>
internal readonly struct LockHold(ISymbol symbol, LockMode mode)
{
    public ISymbol Symbol { get; } = symbol;

    public LockMode Mode { get; } = mode;

    /// <summary>Whether two holders of the same lock exclude each other (readers and upgradeable readers do not exclude readers).</summary>
    public bool Excludes(LockHold other) =>
        SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol)
        && !(Mode == LockMode.Read && other.Mode != LockMode.Exclusive) && !(other.Mode == LockMode.Read && Mode != LockMode.Exclusive);
}

/// <summary>
/// The locks held at an operation: <c>lock</c>, <c>using (l.EnterScope())</c>, a Monitor/Lock/SpinLock/Mutex/SemaphoreSlim
/// or reader-writer lock acquired earlier in an enclosing block or released by an enclosing <c>finally</c>.
/// </summary>
internal static class HeldLocks
{
    public static ImmutableArray<LockHold> Of(IOperation operation, KnownTypes known, SyntaxNode boundary)
    {
        var held = ImmutableArray<LockHold>.Empty;
        var current = operation;
        for (var parent = operation.Parent; parent is not null && current.Syntax != boundary; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ILockOperation @lock when current == @lock.Body && Identity(@lock.LockedValue) is { } symbol:
                    held = held.Add(new LockHold(symbol, LockMode.Exclusive));
                    break;
                case IUsingOperation @using when current == @using.Body:
                    held = AddScopes(held, @using.Resources, known);
                    break;
                case ITryOperation @try when current == @try.Body && @try.Finally is { } @finally:
                    foreach (var op in @finally.DescendantsAndSelf())
                    {
                        if (op is IInvocationOperation call && Classify(call, known) is { Acquires: false } release)
                        {
                            held = held.Add(release.Hold);
                        }
                    }

                    break;
                case IBlockOperation block:
                    held = AcquiredBefore(held, block, current, known);
                    break;
            }
        }

        return held;
    }

    private static ImmutableArray<LockHold> AcquiredBefore(ImmutableArray<LockHold> held, IBlockOperation block, IOperation statement, KnownTypes known)
    {
        var inBlock = ImmutableArray<LockHold>.Empty;
        foreach (var candidate in block.Operations)
        {
            if (candidate == statement)
            {
                return held.AddRange(inBlock);
            }

            if (candidate is IUsingDeclarationOperation declaration)
            {
                inBlock = AddScopes(inBlock, declaration.DeclarationGroup, known);
            }
            else if (candidate is IExpressionStatementOperation { Operation: IInvocationOperation call } && Classify(call, known) is { } step)
            {
                inBlock = step.Acquires ? inBlock.Add(step.Hold) : inBlock.RemoveAll(h => SymbolEqualityComparer.Default.Equals(h.Symbol, step.Hold.Symbol));
            }
            else if (SpinStep(candidate, known) is { } spin)
            {
                inBlock = spin.Acquires ? inBlock.Add(spin.Hold) : inBlock.RemoveAll(h => SymbolEqualityComparer.Default.Equals(h.Symbol, spin.Hold.Symbol));
            }
        }

        return held;
    }

    private static ImmutableArray<LockHold> AddScopes(ImmutableArray<LockHold> held, IOperation? resources, KnownTypes known)
    {
        if (resources is null)
        {
            return held;
        }

        foreach (var op in resources.DescendantsAndSelf())
        {
            if (op is IInvocationOperation { TargetMethod.Name: "EnterScope" } scope && KnownTypes.Is(scope.TargetMethod.ContainingType, known.Lock)
                && Identity(scope.Instance) is { } symbol)
            {
                held = held.Add(new LockHold(symbol, LockMode.Exclusive));
            }
        }

        return held;
    }

    /// <summary>
    /// A hand-written spin lock on an int field: <c>while (Interlocked.CompareExchange(ref held, 1, 0) != 0) ...</c> (or
    /// <c>Interlocked.Exchange(ref held, 1)</c>) acquires it; a later <c>Volatile.Write(ref held, 0)</c>,
    /// <c>Interlocked.Exchange(ref held, 0)</c> or <c>held = 0</c> releases it. Null for any other statement.
    /// </summary>
    private static (bool Acquires, LockHold Hold)? SpinStep(IOperation statement, KnownTypes known)
    {
        if (statement is IWhileLoopOperation { Condition: { } condition })
        {
            foreach (var op in condition.DescendantsAndSelf())
            {
                if (op is IInvocationOperation { TargetMethod.Name: "CompareExchange" or "Exchange", Arguments.Length: >= 2 } swap
                    && KnownTypes.Is(swap.TargetMethod.ContainingType, known.Interlocked) && Identity(swap.Arguments[0].Value) is IFieldSymbol flag)
                {
                    return (true, new LockHold(flag, LockMode.Exclusive));
                }
            }

            return null;
        }

        var released = statement is IExpressionStatementOperation { Operation: var expression } ? expression switch
        {
            IInvocationOperation { TargetMethod.Name: "Write" or "Exchange", Arguments.Length: 2 } write
                when (KnownTypes.Is(write.TargetMethod.ContainingType, known.Volatile) || KnownTypes.Is(write.TargetMethod.ContainingType, known.Interlocked))
                && write.Arguments[1].Value.ConstantValue is { HasValue: true, Value: 0 } => write.Arguments[0].Value,
            ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: 0 } } assignment => assignment.Target,
            _ => null,
        } : null;
        return Identity(released) is IFieldSymbol releasedFlag ? (false, new LockHold(releasedFlag, LockMode.Exclusive)) : null;
    }

    /// <summary>An acquire or a release of a lock, or null for any other call.</summary>
    private static (bool Acquires, LockHold Hold)? Classify(IInvocationOperation call, KnownTypes known)
    {
        var method = call.TargetMethod;
        var type = method.ContainingType;
        var target = KnownTypes.Is(type, known.Monitor) ? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null) : call.Instance;
        if (Identity(target) is not { } symbol)
        {
            return null;
        }

        var (acquires, mode) = method.Name switch
        {
            "Enter" or "TryEnter" when KnownTypes.Is(type, known.Monitor) || KnownTypes.Is(type, known.Lock) || KnownTypes.Is(type, known.SpinLock) => (true, LockMode.Exclusive),
            "Exit" when KnownTypes.Is(type, known.Monitor) || KnownTypes.Is(type, known.Lock) || KnownTypes.Is(type, known.SpinLock) => (false, LockMode.Exclusive),
            "Wait" or "WaitAsync" when KnownTypes.Is(type, known.SemaphoreSlim) => (true, LockMode.Exclusive),
            "Release" when KnownTypes.Is(type, known.SemaphoreSlim) => (false, LockMode.Exclusive),
            "WaitOne" when KnownTypes.Is(type, known.Mutex) => (true, LockMode.Exclusive),
            "ReleaseMutex" when KnownTypes.Is(type, known.Mutex) => (false, LockMode.Exclusive),
            "EnterWriteLock" or "TryEnterWriteLock" when KnownTypes.Is(type, known.ReaderWriterLockSlim) => (true, LockMode.Exclusive),
            "ExitWriteLock" when KnownTypes.Is(type, known.ReaderWriterLockSlim) => (false, LockMode.Exclusive),
            "EnterReadLock" or "TryEnterReadLock" when KnownTypes.Is(type, known.ReaderWriterLockSlim) => (true, LockMode.Read),
            "ExitReadLock" when KnownTypes.Is(type, known.ReaderWriterLockSlim) => (false, LockMode.Read),
            "EnterUpgradeableReadLock" or "TryEnterUpgradeableReadLock" when KnownTypes.Is(type, known.ReaderWriterLockSlim) => (true, LockMode.Upgradeable),
            "ExitUpgradeableReadLock" when KnownTypes.Is(type, known.ReaderWriterLockSlim) => (false, LockMode.Upgradeable),
            "AcquireWriterLock" when KnownTypes.Is(type, known.ReaderWriterLock) => (true, LockMode.Exclusive),
            "ReleaseWriterLock" when KnownTypes.Is(type, known.ReaderWriterLock) => (false, LockMode.Exclusive),
            "AcquireReaderLock" when KnownTypes.Is(type, known.ReaderWriterLock) => (true, LockMode.Read),
            "ReleaseReaderLock" when KnownTypes.Is(type, known.ReaderWriterLock) => (false, LockMode.Read),
            _ => (false, (LockMode)(-1)),
        };

        return mode < 0 ? null : (acquires, new LockHold(symbol, mode));
    }

    /// <summary>The symbol that names a lock object: a field, local or parameter; the type for <c>this</c> and <c>typeof</c>.</summary>
    public static ISymbol? Identity(IOperation? operation) => BodyWalker.Unwrap(operation) switch
    {
        IInstanceReferenceOperation instance => instance.Type,
        ITypeOfOperation typeOf => typeOf.TypeOperand,
        IFieldReferenceOperation field => field.Field,
        var other => BodyWalker.ReferencedSymbol(other),
    };
}
