using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// A write to state that may be shared, found in a scope: what rule it is, where the state comes from, the words for
/// the messages, and (for writes reached through calls) the chain of methods that leads to it.
/// </summary>
internal sealed class Effect(string ruleId, Origin origin, IOperation operation, string what, ImmutableArray<object> messageArguments, ImmutableArray<string> path, int indexOrdinal = -1)
{
    /// <summary>
    /// For a write of an element: the ordinal of the summarized method's parameter that indexes it (<c>data[i]</c> in
    /// <c>Process(int i)</c>), so a caller passing its loop index knows each work item writes its own slot; -1 otherwise.
    /// </summary>
    public int IndexOrdinal { get; } = indexOrdinal;

    /// <summary>The rule a worker doing this directly breaks (PG0106 when reached through a call).</summary>
    public string RuleId { get; } = ruleId;

    public Origin Origin { get; } = origin;

    /// <summary>The operation to report at, in the scope that found the effect.</summary>
    public IOperation Operation { get; } = operation;

    /// <summary>The effect as a clause for PG0106: "writes static field 'C.x'".</summary>
    public string What { get; } = what;

    /// <summary>The message arguments after the worker's name, for a direct report.</summary>
    public ImmutableArray<object> MessageArguments { get; } = messageArguments;

    /// <summary>The methods called on the way to the write, outermost first; empty for a direct write.</summary>
    public ImmutableArray<string> Path { get; } = path;

    public Effect Through(string callee, Origin origin, IOperation call, int indexOrdinal = -1) =>
        new(DiagnosticIds.SharedWriteThroughCall, origin, call, What, MessageArguments, Path.Insert(0, callee), indexOrdinal);

    public Effect WithIndexOrdinal(int ordinal) => new(RuleId, Origin, Operation, What, MessageArguments, Path, ordinal);
}
