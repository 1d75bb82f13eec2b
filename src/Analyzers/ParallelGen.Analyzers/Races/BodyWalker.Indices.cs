using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Which element a work item touches (issue 13, points 4 and 5): its own when the index is the loop index, arithmetic
/// on it (<c>i + 1</c>, <c>row * width + x</c>), an index the item carries (<c>item.Index</c>), or a variable that runs
/// over the item's own partition (<c>for (k = range.Item1; ...)</c>).
/// </summary>
internal sealed partial class BodyWalker
{
    private const int MaxIndexDepth = 4;

    /// <summary>Whether one of the indices selects the work item's own element.</summary>
    private bool IsLoopIndex(ImmutableArray<IOperation> indices)
    {
        foreach (var index in indices)
        {
            if (IsPerItem(index, 0))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPerItem(IOperation? operation, int depth)
    {
        if (depth > MaxIndexDepth)
        {
            return false;
        }

        switch (Unwrap(operation))
        {
            case IParameterReferenceOperation parameter:
                return IsItemParameter(parameter.Parameter);
            case ILocalReferenceOperation loopVariable when _scope.LoopIndex is ILocalSymbol && SymbolEqualityComparer.Default.Equals(loopVariable.Local, _scope.LoopIndex):
                return true;
            case IPropertyReferenceOperation { Instance: { } owner } member when !member.Property.IsIndexer:
                return IsItemRoot(owner); // item.Index
            case IFieldReferenceOperation { Instance: { } owner }:
                return IsItemRoot(owner);
            case ILocalReferenceOperation local when local.Local.Type?.IsValueType == true && _scope.Declares(local.Local):
                return Initializer(local) is { } initializer && IsPerItem(initializer, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply } binary:
                return (IsPerItem(binary.LeftOperand, depth + 1) && !MentionsItem(binary.RightOperand))
                    || (IsPerItem(binary.RightOperand, depth + 1) && !MentionsItem(binary.LeftOperand));
            default:
                return false;
        }
    }

    /// <summary>The loop index, or (for a worker run once per item) a parameter of the worker: the item itself.</summary>
    private bool IsItemParameter(IParameterSymbol parameter)
    {
        if (_scope.LoopIndex is { } index && SymbolEqualityComparer.Default.Equals(parameter, index))
        {
            return true;
        }

        return _scope.IsWorker && _scope.SingleRunLauncher is null && _scope.Method is not null && _scope.LoopIndex is null
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _scope.Method) && parameter.Type.SpecialType != SpecialType.System_Object
            && parameter.Type.Name is not ("ParallelLoopState" or "CancellationToken");
    }

    private bool IsItemRoot(IOperation owner) => Unwrap(owner) is IParameterReferenceOperation parameter && IsItemParameter(parameter.Parameter);

    private bool MentionsItem(IOperation operation)
    {
        foreach (var op in operation.DescendantsAndSelf())
        {
            if ((op is IParameterReferenceOperation parameter && IsItemParameter(parameter.Parameter))
                || (op is ILocalReferenceOperation local && _scope.LoopIndex is ILocalSymbol && SymbolEqualityComparer.Default.Equals(local.Local, _scope.LoopIndex)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A key no other work item uses: the loop index, or the item itself when the items are known distinct.</summary>
    private bool IsOwnKey(IOperation key)
    {
        if (_scope.SingleRunLauncher is not null || !_scope.IsWorker)
        {
            return false;
        }

        return Unwrap(key) is IParameterReferenceOperation parameter
            && ((_scope.LoopIndex is { } index && SymbolEqualityComparer.Default.Equals(parameter.Parameter, index))
                || (_scope.DistinctItems && IsItemParameter(parameter.Parameter)));
    }

    /// <summary>For a summarized method: the ordinal of its own parameter that is the (single) index; -1 otherwise.</summary>
    private int IndexParameter(ImmutableArray<IOperation> indices)
    {
        if (_scope.IsWorker || indices.Length != 1)
        {
            return -1;
        }

        var index = Unwrap(indices[0]);
        if (index is ILocalReferenceOperation local && local.Local.Type?.IsValueType == true && Initializer(local) is { } initializer)
        {
            index = Unwrap(initializer);
        }

        return index is IParameterReferenceOperation parameter && IsOwnParameter(parameter.Parameter) ? parameter.Parameter.Ordinal : -1;
    }

    private bool IsOwnParameter(IParameterSymbol parameter) =>
        _scope.Method is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _scope.Method);

    private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.ParamArray)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsSourceCall(IOperation? call) =>
        call is IInvocationOperation invocation && !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>
    /// PG0110: in a loop over indices, a read of an element of an array the worker writes at its own index, through a
    /// different index computed from the loop index (<c>a[i - 1]</c>): another work item writes that element.
    /// </summary>
    private void NeighbourRead(IArrayElementReferenceOperation read)
    {
        if (_scope.LoopIndex is null || !_scope.IsWorker || read.Indices.Length != 1 || IsWriteTarget(read)
            || ReferencedSymbol(read.ArrayReference) is not { } array || !MentionsItem(read.Indices[0]))
        {
            return;
        }

        var readIndex = read.Indices[0].Syntax.ToString();
        var written = FindOwnElementWrite(array, readIndex);
        if (written is not null)
        {
            var origin = Classify(read.ArrayReference);
            if (!origin.IsNone)
            {
                Add(DiagnosticIds.NeighbourElementRead, origin, read, "reads a neighbour element", Text(read), written);
            }
        }
    }

    /// <summary>The text of a write of <paramref name="array"/> at the work item's own index other than <paramref name="readIndex"/>; null when none.</summary>
    private string? FindOwnElementWrite(ISymbol array, string readIndex)
    {
        foreach (var op in _body!.DescendantsAndSelf())
        {
            if (op is IArrayElementReferenceOperation { Indices.Length: 1 } element && IsWriteTarget(element)
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(element.ArrayReference), array)
                && IsPerItem(element.Indices[0], 0) && element.Indices[0].Syntax.ToString() != readIndex)
            {
                return Text(element);
            }
        }

        return null;
    }
}
