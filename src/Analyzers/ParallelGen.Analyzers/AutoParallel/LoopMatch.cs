using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>How a loop collects the result of its per-item call.</summary>
internal enum CollectKind
{
    /// <summary><c>list.Add(F(x))</c> on a <c>List&lt;T&gt;</c>: becomes <c>list.AddRange(FMap(...))</c>.</summary>
    ListAdd,

    /// <summary><c>results[i] = F(...)</c> on an array in a <c>for</c> loop from 0: becomes <c>FMap(...).CopyTo(results, 0)</c>.</summary>
    ArrayStore,

    /// <summary><c>sum += F(x)</c>: becomes <c>sum += FMap(...).Sum()</c> or an in-order <c>Aggregate</c>.</summary>
    Accumulate,

    /// <summary><c>dict[key] = F(x)</c> over a stable collection: each key gets its result, in input order.</summary>
    DictionaryStore,

    /// <summary><c>F(x);</c> or <c>await F(x);</c> for a method without a result: becomes <c>FMap(...)</c>.</summary>
    Discard,
}

/// <summary>
/// A sequential loop that calls one method once per item and collects the results, as <see cref="LoopShape"/> found
/// it: the parts the analyzer checks for safety and the code fix rewrites. Shared as source with the code fixes.
/// </summary>
internal sealed class LoopMatch
{
    public LoopMatch(
        StatementSyntax loop,
        ILocalSymbol loopVariable,
        ExpressionSyntax? collection,
        ExpressionSyntax? count,
        InvocationExpressionSyntax? call,
        IMethodSymbol? method,
        bool awaited,
        ExpressionSyntax value,
        CollectKind kind,
        ExpressionSyntax? target,
        ISymbol? targetSymbol,
        ExpressionSyntax? key,
        ImmutableArray<ExpressionSyntax> itemArguments,
        ExpressionSyntax? tokenArgument)
    {
        Loop = loop;
        LoopVariable = loopVariable;
        Collection = collection;
        Count = count;
        Call = call;
        Method = method;
        Awaited = awaited;
        Value = value;
        Kind = kind;
        Target = target;
        TargetSymbol = targetSymbol;
        Key = key;
        ItemArguments = itemArguments;
        TokenArgument = tokenArgument;
    }

    /// <summary>The <c>foreach</c> or <c>for</c> statement.</summary>
    public StatementSyntax Loop { get; }

    /// <summary>The iteration variable (<c>x</c> of <c>foreach</c>, <c>i</c> of <c>for</c>).</summary>
    public ILocalSymbol LoopVariable { get; }

    /// <summary>What a <c>foreach</c> enumerates; null for a <c>for</c> loop.</summary>
    public ExpressionSyntax? Collection { get; }

    /// <summary>The bound of a <c>for (i = 0; i &lt; count; i++)</c> loop; null for <c>foreach</c>.</summary>
    public ExpressionSyntax? Count { get; }

    /// <summary>The per-item call; null when the value is an expression to extract into a method (<see cref="IsExtraction"/>).</summary>
    public InvocationExpressionSyntax? Call { get; }

    /// <summary>The method the loop calls; null for an extraction.</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>
    /// Whether the per-item value is an expression of the iteration variable alone, which PG0201's fix moves into a new
    /// static <c>[Parallelizable]</c> method of the type that holds the loop.
    /// </summary>
    public bool IsExtraction => Call is null;

    /// <summary>Whether the call is awaited (the method returns a task).</summary>
    public bool Awaited { get; }

    /// <summary>The call, or <c>await</c> of it: the per-item value.</summary>
    public ExpressionSyntax Value { get; }

    public CollectKind Kind { get; }

    /// <summary>The list, array, accumulator or dictionary the loop writes; null for <see cref="CollectKind.Discard"/>.</summary>
    public ExpressionSyntax? Target { get; }

    /// <summary>The variable or field behind <see cref="Target"/>.</summary>
    public ISymbol? TargetSymbol { get; }

    /// <summary>The key of <see cref="CollectKind.DictionaryStore"/>.</summary>
    public ExpressionSyntax? Key { get; }

    /// <summary>The call's arguments that make an item (every argument but a trailing CancellationToken).</summary>
    public ImmutableArray<ExpressionSyntax> ItemArguments { get; }

    /// <summary>The trailing CancellationToken argument, when the method has one and the call passes it.</summary>
    public ExpressionSyntax? TokenArgument { get; }

    /// <summary>Whether the loop is a counting <c>for</c> loop rather than a <c>foreach</c>.</summary>
    public bool IsFor => Collection is null;
}
