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

    /// <summary>
    /// For a summarized method: the ordinal of its own parameter that selects the element, directly or through
    /// arithmetic whose other terms do not use it (<c>y * width + x</c>, <c>offset + x</c> with <c>offset = y * width</c>),
    /// as <see cref="IsPerItem"/> accepts for a worker; -1 otherwise.
    /// </summary>
    private int IndexParameter(ImmutableArray<IOperation> indices)
    {
        if (_scope.IsWorker)
        {
            return -1;
        }

        foreach (var index in indices)
        {
            var ordinal = IndexParameter(index, 0);
            if (ordinal >= 0)
            {
                return ordinal;
            }
        }

        return -1;
    }

    private int IndexParameter(IOperation? operation, int depth)
    {
        if (depth > MaxIndexDepth)
        {
            return -1;
        }

        switch (Unwrap(operation))
        {
            case IParameterReferenceOperation parameter when IsOwnParameter(parameter.Parameter) && parameter.Parameter.RefKind == RefKind.None:
                return parameter.Parameter.Ordinal;
            case ILocalReferenceOperation local when local.Local.Type?.IsValueType == true && Initializer(local) is { } initializer:
                return IndexParameter(initializer, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply } binary:
                var left = IndexParameter(binary.LeftOperand, depth + 1);
                if (left >= 0 && !MentionsParameter(binary.RightOperand, left))
                {
                    return left;
                }

                var right = IndexParameter(binary.RightOperand, depth + 1);
                return right >= 0 && !MentionsParameter(binary.LeftOperand, right) ? right : -1;
            default:
                return -1;
        }
    }

    private bool MentionsParameter(IOperation operation, int ordinal)
    {
        foreach (var op in operation.DescendantsAndSelf())
        {
            if (op is IParameterReferenceOperation parameter && parameter.Parameter.Ordinal == ordinal && IsOwnParameter(parameter.Parameter))
            {
                return true;
            }
        }

        return false;
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
    /// different index computed from the loop index (<c>a[i - 1]</c>; <c>g[i - 1, j]</c> in a 2-D array; the row
    /// <c>rows[i - 1][j]</c> of a jagged one whose own row <c>rows[i][j]</c> the worker writes): another work item
    /// writes that element.
    /// </summary>
    private void NeighbourRead(IArrayElementReferenceOperation read)
    {
        if (_scope.LoopIndex is null || !_scope.IsWorker || IsWriteTarget(read) || ReferencedSymbol(read.ArrayReference) is not { } array)
        {
            return;
        }

        // rows[i - 1][j]: the row is read to read one of its elements (not to write one: that is a write of a shared row).
        var rowRead = read.Parent is IArrayElementReferenceOperation outer && outer.ArrayReference == read && !IsWriteTarget(outer);
        for (var position = 0; position < read.Indices.Length; position++)
        {
            if (!MentionsItem(read.Indices[position]))
            {
                continue;
            }

            var written = FindOwnElementWrite(array, read.Indices.Length, position, read.Indices[position].Syntax.ToString(), rowRead);
            if (written is not null)
            {
                var origin = Classify(read.ArrayReference);
                if (!origin.IsNone)
                {
                    Add(DiagnosticIds.NeighbourElementRead, origin, rowRead ? read.Parent! : read, "reads a neighbour element", Text(rowRead ? read.Parent! : read), written);
                }

                return;
            }
        }
    }

    /// <summary>
    /// The text of a write of <paramref name="array"/> (or, for a row read, of an element of one of its rows) at the
    /// work item's own index in <paramref name="position"/>, other than <paramref name="readIndex"/>; null when none.
    /// </summary>
    private string? FindOwnElementWrite(ISymbol array, int rank, int position, string readIndex, bool rowRead)
    {
        foreach (var op in _body!.DescendantsAndSelf())
        {
            if (op is not IArrayElementReferenceOperation element || !IsWriteTarget(element))
            {
                continue;
            }

            if (IsOwnElementOf(element, array, rank, position, readIndex)
                || (rowRead && Unwrap(element.ArrayReference) is IArrayElementReferenceOperation row && IsOwnElementOf(row, array, rank, position, readIndex)))
            {
                return Text(element);
            }
        }

        return null;
    }

    private bool IsOwnElementOf(IArrayElementReferenceOperation element, ISymbol array, int rank, int position, string readIndex) =>
        element.Indices.Length == rank && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(element.ArrayReference), array)
        && IsPerItem(element.Indices[position], 0) && element.Indices[position].Syntax.ToString() != readIndex;
}
