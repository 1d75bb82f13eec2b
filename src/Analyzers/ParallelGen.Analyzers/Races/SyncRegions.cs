using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Decides whether an operation runs while a lock is held: inside <c>lock</c>, <c>using (l.EnterScope())</c>, after
/// <c>Monitor.Enter</c>/<c>SemaphoreSlim.Wait</c>/... in the same or an enclosing block, or in a <c>try</c> whose
/// <c>finally</c> releases one.
/// </summary>
internal static class SyncRegions
{
    /// <summary>
    /// Whether <paramref name="operation"/> runs under a lock. A <c>lock</c> on an object created right there, or one
    /// <paramref name="isPrivate"/> says only this work item can reach (its own item, an object it created), excludes
    /// nobody and does not count.
    /// </summary>
    public static bool IsGuarded(IOperation operation, KnownTypes known, SyntaxNode boundary, Func<IOperation, bool>? isPrivate = null)
    {
        var current = operation;
        for (var parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (current.Syntax == boundary)
            {
                return false;
            }

            switch (parent)
            {
                case ILockOperation @lock when current == @lock.Body:
                    if (BodyWalker.Unwrap(@lock.LockedValue) is IObjectCreationOperation || (isPrivate?.Invoke(@lock.LockedValue) ?? false))
                    {
                        break;
                    }

                    return true;
                case IUsingOperation @using when current == @using.Body && HoldsLockScope(@using.Resources, known):
                    return true;
                case ITryOperation @try when current == @try.Body && @try.Finally is { } @finally && ContainsRelease(@finally, known):
                    return true;
                case IBlockOperation block when AcquiredBefore(block, current, known):
                    return true;
            }
        }

        return false;
    }

    private static bool AcquiredBefore(IBlockOperation block, IOperation statement, KnownTypes known)
    {
        var held = false;
        foreach (var candidate in block.Operations)
        {
            if (candidate == statement)
            {
                return held;
            }

            if (candidate is IUsingDeclarationOperation declaration && HoldsLockScope(declaration.DeclarationGroup, known))
            {
                held = true;
            }
            else if (StatementCall(candidate) is { } call)
            {
                if (IsAcquire(call.TargetMethod, known))
                {
                    held = true;
                }
                else if (IsRelease(call.TargetMethod, known))
                {
                    held = false;
                }
            }
        }

        return false;
    }

    private static IInvocationOperation? StatementCall(IOperation statement)
    {
        var expression = statement is IExpressionStatementOperation e ? e.Operation : null;
        if (expression is IAwaitOperation awaited)
        {
            expression = awaited.Operation;
        }

        while (expression is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } inner })
        {
            expression = inner;
        }

        return expression as IInvocationOperation;
    }

    private static bool HoldsLockScope(IOperation? resources, KnownTypes known)
    {
        if (resources is null)
        {
            return false;
        }

        foreach (var op in resources.DescendantsAndSelf())
        {
            if (op is IInvocationOperation { TargetMethod.Name: "EnterScope" } call && KnownTypes.Is(call.TargetMethod.ContainingType, known.Lock))
            {
                return true;
            }

            if (op is IInvocationOperation other && IsAcquire(other.TargetMethod, known) && other.TargetMethod.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsRelease(IOperation region, KnownTypes known)
    {
        foreach (var op in region.DescendantsAndSelf())
        {
            if (op is IInvocationOperation call && IsRelease(call.TargetMethod, known))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAcquire(IMethodSymbol method, KnownTypes known)
    {
        var type = method.ContainingType;
        return method.Name switch
        {
            "Enter" or "TryEnter" => KnownTypes.Is(type, known.Monitor) || KnownTypes.Is(type, known.Lock) || KnownTypes.Is(type, known.SpinLock),
            "Wait" or "WaitAsync" => KnownTypes.Is(type, known.SemaphoreSlim),
            "WaitOne" => KnownTypes.InheritsFrom(type, known.WaitHandle),
            "EnterWriteLock" or "TryEnterWriteLock" or "EnterUpgradeableReadLock" or "TryEnterUpgradeableReadLock" => KnownTypes.Is(type, known.ReaderWriterLockSlim),
            _ => false,
        };
    }

    private static bool IsRelease(IMethodSymbol method, KnownTypes known)
    {
        var type = method.ContainingType;
        return method.Name switch
        {
            "Exit" => KnownTypes.Is(type, known.Monitor) || KnownTypes.Is(type, known.Lock) || KnownTypes.Is(type, known.SpinLock),
            "Release" => KnownTypes.Is(type, known.SemaphoreSlim),
            "ReleaseMutex" => KnownTypes.Is(type, known.Mutex),
            "ExitWriteLock" or "ExitUpgradeableReadLock" => KnownTypes.Is(type, known.ReaderWriterLockSlim),
            _ => false,
        };
    }
}
