using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// For the "take the same lock" code fix of PG0108 and PG0109: when the reported access holds no lock and the access
/// it races with holds one exclusively on a plain lock object (an <see cref="object"/> or a
/// <c>System.Threading.Lock</c>, as <c>lock</c> and <c>Monitor</c> use), and that object can be named where the
/// reported access is, the diagnostic carries the object's name. Wrapping the access in <c>lock</c> on it then makes
/// both sides exclude each other. No property otherwise (other primitives, such as a semaphore or a reader-writer
/// lock, are not taken by a <c>lock</c> statement).
/// </summary>
internal static class LockFix
{
    /// <summary>Adds <see cref="FixProperties.LockWith"/> to <paramref name="properties"/> when the fix applies.</summary>
    public static ImmutableDictionary<string, string?>? With(ImmutableDictionary<string, string?>? properties, Access unlocked, Access locked)
    {
        if (!unlocked.Locks.IsEmpty || unlocked.Atomic || unlocked.At.SemanticModel is not { } model)
        {
            return properties;
        }

        var position = unlocked.At.Syntax.SpanStart;
        foreach (var hold in locked.Locks)
        {
            if (hold.Mode == LockMode.Exclusive && IsPlainLockObject(hold.Symbol) && Nameable(hold.Symbol, model, position))
            {
                return (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(FixProperties.LockWith, hold.Symbol.Name);
            }
        }

        return properties;
    }

    private static bool IsPlainLockObject(ISymbol symbol)
    {
        var type = symbol switch
        {
            IFieldSymbol field => field.Type,
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };
        return type is not null
            && (type.SpecialType == SpecialType.System_Object
                || (type.Name == "Lock" && type.ContainingNamespace?.ToDisplayString() == "System.Threading"));
    }

    /// <summary>Whether the simple name means <paramref name="symbol"/> at <paramref name="position"/> and may be used there.</summary>
    private static bool Nameable(ISymbol symbol, SemanticModel model, int position)
    {
        if (!model.LookupSymbols(position, name: symbol.Name).Any(s => SymbolEqualityComparer.Default.Equals(s, symbol)))
        {
            return false;
        }

        if (symbol is ILocalSymbol)
        {
            // A local is in scope in its whole block, but usable only after its declaration.
            return symbol.DeclaringSyntaxReferences.All(r => r.Span.End < position);
        }

        if (symbol is IFieldSymbol { IsStatic: false })
        {
            // An instance field needs an instance: not from a static member (or a static lambda within one).
            for (var enclosing = model.GetEnclosingSymbol(position); enclosing is not null; enclosing = enclosing.ContainingSymbol)
            {
                if (enclosing.IsStatic)
                {
                    return false;
                }

                if (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                {
                    continue;
                }

                return true;
            }

            return false;
        }

        return true;
    }
}
