using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>Check-then-act on concurrent collections (PG0107).</summary>
internal sealed partial class BodyWalker
{
    private static bool ReadsIndexerOf(IOperation value, IOperation instance)
    {
        var key = ReferencedSymbol(instance);
        if (key is null)
        {
            return false;
        }

        foreach (var op in value.DescendantsAndSelf())
        {
            if (op is IPropertyReferenceOperation { Property.IsIndexer: true } read && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(read.Instance), key))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckThenAct(IConditionalOperation conditional)
    {
        foreach (var op in conditional.Condition.DescendantsAndSelf())
        {
            if (op is not IInvocationOperation check || !ThreadSafetyTable.ConcurrentChecks.Contains(check.TargetMethod.Name))
            {
                continue;
            }

            var receiver = Unwrap(check.Instance);
            if (receiver is null || !Known.IsConcurrentCollection(receiver.Type))
            {
                continue;
            }

            var key = ReferencedSymbol(receiver);
            if (check.Arguments.Length > 0 && IsOwnKey(check.Arguments[0].Value))
            {
                continue; // the work item's own key: no other work item checks or changes that entry
            }

            if (key is not null && (ActsOn(conditional.WhenTrue, key) || ActsOn(conditional.WhenFalse, key)))
            {
                var origin = Classify(receiver);
                Add(DiagnosticIds.CheckThenAct, origin, check, $"checks {origin.Description} and then changes it", origin.Description, check.TargetMethod.Name);
                return;
            }
        }
    }

    private static bool ActsOn(IOperation? branch, ISymbol key)
    {
        if (branch is null)
        {
            return false;
        }

        foreach (var op in branch.DescendantsAndSelf())
        {
            switch (op)
            {
                case IInvocationOperation act when ThreadSafetyTable.ConcurrentActs.Contains(act.TargetMethod.Name)
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(act.Instance), key):
                    return true;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                    when SymbolEqualityComparer.Default.Equals(ReferencedSymbol(indexer.Instance), key) && IsWriteTarget(indexer):
                    return true;
            }
        }

        return false;
    }

    private static bool IsWriteTarget(IOperation operation) => operation.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == operation,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
        _ => false,
    };
}
