using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Static properties of the compilation that hand each thread its own instance: the getter returns a [ThreadStatic]
/// field (possibly filled on first use with <c>??=</c>) or the <c>Value</c> of a ThreadLocal. Decided once per property.
/// </summary>
internal sealed class PerThreadProperties(RaceContext context)
{
    private readonly ConcurrentDictionary<IPropertySymbol, bool> _decided = new(SymbolEqualityComparer.Default);

    public bool IsPerThread(IPropertySymbol property) =>
        property.IsStatic && property.GetMethod is { } getter && _decided.GetOrAdd(property, _ => Decide(getter));

    private bool Decide(IMethodSymbol getter)
    {
        var sawReturn = false;
        foreach (var reference in getter.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(context.CancellationToken);
            var body = context.Operation(context.Summaries.Model(syntax.SyntaxTree), syntax);
            if (body is null)
            {
                return false;
            }

            foreach (var op in body.DescendantsAndSelf())
            {
                if (op is IReturnOperation { ReturnedValue: { } value })
                {
                    sawReturn = true;
                    if (!PerThreadValue(value))
                    {
                        return false;
                    }
                }
            }
        }

        return sawReturn;
    }

    private bool PerThreadValue(IOperation value)
    {
        switch (BodyWalker.Unwrap(value))
        {
            case IFieldReferenceOperation field:
                return context.Known.IsThreadStatic(field.Field);
            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance }:
                return KnownTypes.Is(instance.Type, context.Known.ThreadLocal);
            case ICoalesceAssignmentOperation coalesce:
                return PerThreadValue(coalesce.Target);
            case ICoalesceOperation coalesce:
                return PerThreadValue(coalesce.Value);
            default:
                return false;
        }
    }
}
