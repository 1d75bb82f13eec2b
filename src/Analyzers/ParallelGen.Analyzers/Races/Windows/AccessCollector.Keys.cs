using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

                // var q = p (never assigned again): q reaches p's object, so q.X is p.X.
                return AliasOf(local.Local) is { } aliased && _aliasDepth < 3 ? KeyThroughAlias(aliased) : new StorageKey(RootKind.Variable, local.Local, string.Empty);
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

    private StorageKey? KeyThroughAlias(IOperation aliased)
    {
        _aliasDepth++;
        try
        {
            return KeyOf(aliased, out _);
        }
        finally
        {
            _aliasDepth--;
        }
    }

    /// <summary>
    /// The variable or field a reference-type local is a copy of (<c>var q = p;</c>, <c>var list = this.items;</c>), when
    /// the local is never assigned again (nor passed by <c>ref</c>/<c>out</c>); null otherwise. Cached per local.
    /// </summary>
    private IOperation? AliasOf(ILocalSymbol local)
    {
        if (local.Type?.IsReferenceType != true || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        _aliases ??= new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
        if (_aliases.TryGetValue(local, out var known))
        {
            return known;
        }

        IOperation? alias = null;
        if (local.DeclaringSyntaxReferences[0].GetSyntax(_context.CancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value } declarator
            && value is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
            && !AssignedAgain(declarator, local.Name)
            && BodyWalker.Unwrap(_context.Operation(_context.Summaries.Model(value.SyntaxTree), value)) is { } target
            && target is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation)
        {
            alias = target;
        }

        _aliases[local] = alias;
        return alias;
    }

    private static bool AssignedAgain(VariableDeclaratorSyntax declarator, string name)
    {
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? declarator.Parent;
        if (scope is null)
        {
            return true;
        }

        foreach (var node in scope.DescendantNodes())
        {
            if ((node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == name)
                || (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == name)
                || (node is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax && node.ChildNodes().FirstOrDefault() is IdentifierNameSyntax bumped && bumped.Identifier.ValueText == name))
            {
                return true;
            }
        }

        return false;
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
