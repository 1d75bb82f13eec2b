using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>Which storage an expression reaches.</summary>
internal sealed partial class AccessCollector
{
    /// <summary>The storage <paramref name="operation"/> names, or null when it is private, immutable, per-thread or unknown.</summary>
    private StorageKey? KeyOf(IOperation? operation, out object? index)
    {
        index = null;
        switch (BodyWalker.Unwrap(operation))
        {
            case ILocalReferenceOperation local:
                if (local.Local.IsRef || (_ownLocalsPrivate && Declared(local.Local)))
                {
                    return null;
                }

                return new StorageKey(RootKind.Variable, local.Local, string.Empty);
            case IParameterReferenceOperation parameter:
                if (_summarized is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _summarized))
                {
                    return parameter.Parameter.RefKind != RefKind.None || parameter.Parameter.Type.IsReferenceType
                        ? new StorageKey(RootKind.Parameter, parameter.Parameter, string.Empty)
                        : null;
                }

                return _ownLocalsPrivate && Declared(parameter.Parameter) ? null : new StorageKey(RootKind.Variable, parameter.Parameter, string.Empty);
            case IInstanceReferenceOperation:
                return new StorageKey(RootKind.This, null, string.Empty);
            case IFieldReferenceOperation field:
                if (field.Field.IsConst || Known.IsThreadStatic(field.Field) || IsPerThread(field.Field.Type))
                {
                    return null;
                }

                if (field.Field.IsStatic)
                {
                    return new StorageKey(RootKind.Static, field.Field, string.Empty);
                }

                return KeyOf(field.Instance, out _) is { } owner ? owner.Member(field.Field.Name) : null;
            case IPropertyReferenceOperation property:
            {
                var p = property.Property;
                if (IsPerThread(p.ContainingType) || IsPerThread(p.Type) || Known.IsConcurrentCollection(property.Instance?.Type))
                {
                    return null;
                }

                if (p.IsStatic)
                {
                    return IsSource(p) && !_context.PerThread.IsPerThread(p) ? new StorageKey(RootKind.Static, p, string.Empty) : null;
                }

                if (KeyOf(property.Instance, out _) is not { } container)
                {
                    return null;
                }

                if (p.IsIndexer)
                {
                    index = property.Arguments.Length == 1 ? property.Arguments[0].Value.ConstantValue is { HasValue: true } c ? c.Value : null : null;
                    return container.Member("[]");
                }

                return Known.IsMutableCollection(property.Instance?.Type) && !IsSource(p) ? container.Member("[]") : container.Member(p.Name);
            }

            case IArrayElementReferenceOperation element:
                if (element.Indices.Length == 1 && element.Indices[0].ConstantValue is { HasValue: true } constant)
                {
                    index = constant.Value;
                }

                return KeyOf(element.ArrayReference, out _) is { } array ? array.Member("[]") : null;
            default:
                return null;
        }
    }

    private bool IsPerThread(ITypeSymbol? type) => KnownTypes.Is(type, Known.ThreadLocal) || KnownTypes.Is(type, Known.AsyncLocal);

    /// <summary>Whether <paramref name="symbol"/> is declared inside the walked code.</summary>
    private bool Declared(ISymbol symbol)
    {
        if (_summarized is not null && symbol is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _summarized))
        {
            return true;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == _boundary.SyntaxTree && _boundary.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
