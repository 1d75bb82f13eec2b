using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>Where the storage an operation reaches comes from, and small helpers shared by the walk.</summary>
internal sealed partial class BodyWalker
{
    /// <summary>Where the object or variable that <paramref name="operation"/> reaches comes from.</summary>
    public Origin Classify(IOperation? operation, int aliasDepth = 0)
    {
        switch (Unwrap(operation))
        {
            case ILocalReferenceOperation local:
                if (!_scope.Declares(local.Local))
                {
                    return IsFreshPerRound(local.Local) ? Origin.None : new Origin(OriginKind.Captured, $"captured variable '{local.Local.Name}'", local.Local);
                }

                if (aliasDepth < 3 && local.Local.Type?.IsReferenceType == true && Initializer(local) is { } initializer)
                {
                    return Classify(initializer, aliasDepth + 1);
                }

                return Origin.None;
            case IParameterReferenceOperation parameter:
                if (_scope.Method is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _scope.Method))
                {
                    return _scope.IsWorker ? Origin.None : new Origin(OriginKind.Parameter, $"parameter '{parameter.Parameter.Name}'", parameter.Parameter, parameter.Parameter.Ordinal);
                }

                return _scope.Declares(parameter.Parameter)
                    ? Origin.None
                    : new Origin(OriginKind.Captured, $"captured parameter '{parameter.Parameter.Name}'", parameter.Parameter);
            case IInstanceReferenceOperation instance:
                return instance.ReferenceKind == InstanceReferenceKind.ImplicitReceiver ? Origin.None : new Origin(OriginKind.This, "its own object");
            case IFieldReferenceOperation field:
                if (field.Field.IsStatic)
                {
                    return field.Field.IsConst || Known.IsThreadStatic(field.Field)
                        ? Origin.None
                        : new Origin(OriginKind.Static, $"static field '{field.Field.ContainingType.Name}.{field.Field.Name}'");
                }

                var owner = Classify(field.Instance, aliasDepth);
                return owner.IsNone ? owner : owner.WithDescription($"field '{field.Field.Name}'");
            case IPropertyReferenceOperation property:
                if (IsPerThread(property.Property.ContainingType))
                {
                    return Origin.None;
                }

                if (property.Property.IsStatic)
                {
                    return (property.Property.Name == "Shared" && KnownTypes.Is(property.Property.ContainingType, Known.Random)) || _context.PerThread.IsPerThread(property.Property)
                        ? Origin.None
                        : new Origin(OriginKind.Static, $"static property '{property.Property.ContainingType.Name}.{property.Property.Name}'");
                }

                if (property.Property.IsIndexer && property.Arguments.Length == 1 && IsLoopIndex(ImmutableArray.Create(property.Arguments[0].Value)))
                {
                    return Origin.None;
                }

                var container = Classify(property.Instance, aliasDepth);
                return container.IsNone ? container : container.WithDescription(property.Property.IsIndexer ? $"an element of {container.Description}" : $"property '{property.Property.Name}'");
            case IArrayElementReferenceOperation element:
                if (IsLoopIndex(element.Indices))
                {
                    return Origin.None;
                }

                var array = Classify(element.ArrayReference, aliasDepth);
                return array.IsNone ? array : array.WithDescription($"an element of {array.Description}");
            default:
                return Origin.None;
        }
    }

    /// <summary>
    /// The initializer of a local declared in the scope, from a map of the scope's declarators built once per walk
    /// (asking the semantic model for the declarator would rebind the member on every call).
    /// </summary>
    private IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (_initializers is null)
        {
            _initializers = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var op in _body!.DescendantsAndSelf())
            {
                if (op is IVariableDeclaratorOperation declarator && declarator.GetVariableInitializer()?.Value is { } value)
                {
                    _initializers[declarator.Symbol] = value;
                }
            }
        }

        return _initializers.TryGetValue(local.Local, out var initializer) ? initializer : null;
    }

    /// <summary>
    /// For a run-once worker started in a loop: a variable that holds a different object in each round — the loop's
    /// <c>foreach</c> item (items are taken as distinct, as for Parallel.ForEach) or a local of the loop body created
    /// there (<c>var job = new Job()</c>). Each started worker has its own; the object is not shared between them.
    /// </summary>
    private bool IsFreshPerRound(ILocalSymbol local)
    {
        if (_scope.SingleRunLauncher is not { } launcher || local.Type?.IsReferenceType != true)
        {
            return false;
        }

        _freshPerRound ??= new Dictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);
        if (!_freshPerRound.TryGetValue(local, out var fresh))
        {
            _freshPerRound[local] = fresh = IsFreshPerRound(local, launcher);
        }

        return fresh;
    }

    private static bool IsFreshPerRound(ILocalSymbol local, IOperation launcher)
    {
        for (var parent = launcher.Parent; parent is not null && parent is not (IAnonymousFunctionOperation or ILocalFunctionOperation); parent = parent.Parent)
        {
            if (parent is not ILoopOperation loop)
            {
                continue;
            }

            if (loop is IForEachLoopOperation && loop.Locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return true;
            }

            foreach (var op in loop.Body.Descendants())
            {
                if (op is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    return Unwrap(declarator.GetVariableInitializer()?.Value) is IObjectCreationOperation or IArrayCreationOperation;
                }
            }
        }

        return false;
    }

    private bool IsPerThread(ITypeSymbol? type) => KnownTypes.Is(type, Known.ThreadLocal) || KnownTypes.Is(type, Known.AsyncLocal);

    /// <summary>
    /// For a run-once worker: the slot is its own. A constant index in a launch that is not repeated (the
    /// happens-before analysis compares the slots of concurrent workers), or an index held in a variable declared
    /// afresh in each round of the loop that repeats the launch (<c>int slot = w;</c>, a foreach variable).
    /// </summary>
    private bool IsPerRunSlot(ImmutableArray<IOperation> indices)
    {
        if (_scope.Launch is not { } launch || indices.Length != 1)
        {
            return false;
        }

        var index = Unwrap(indices[0]);
        if (index is null)
        {
            return false;
        }

        if (index.ConstantValue.HasValue)
        {
            return launch.Loop is null;
        }

        if (launch.Loop is not { } loop || index is not ILocalReferenceOperation local || _scope.Declares(local.Local))
        {
            return false;
        }

        if (loop is IForEachLoopOperation forEach && forEach.Locals.Contains(local.Local, SymbolEqualityComparer.Default))
        {
            return true;
        }

        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == loop.Body.Syntax.SyntaxTree && loop.Body.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSource(ISymbol symbol) => SourceSymbols.IsDeclaredIn(symbol, _context.Compilation);

    private static bool IsAutoProperty(IPropertySymbol property) => SourceSymbols.IsAutoProperty(property);

    internal static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    internal static ISymbol? ReferencedSymbol(IOperation? operation) => Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        _ => null,
    };

    internal static string Display(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor => "new " + method.ContainingType.Name,
        MethodKind.PropertyGet or MethodKind.PropertySet => method.ContainingType.Name + "." + method.AssociatedSymbol?.Name,
        MethodKind.LocalFunction => method.Name,
        _ => method.ContainingType.Name + "." + method.Name,
    };

    internal static string Display(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";

    private static string Text(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
