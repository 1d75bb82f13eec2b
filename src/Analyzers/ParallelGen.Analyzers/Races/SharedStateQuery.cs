using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>A write a loop body or method makes to state other work items (or callers) share, as the race rules see it.</summary>
internal readonly struct SharedWrite(string ruleId, IOperation at, string what)
{
    /// <summary>The race rule a parallel worker doing this would get (PG0100-PG0110).</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>Where the write (or the call that reaches it) is.</summary>
    public IOperation At { get; } = at;

    /// <summary>The write in words: "writes captured variable 'sum'", "calls 'Add' on field 'list'...".</summary>
    public string What { get; } = what;
}

/// <summary>
/// The entry point other analyzers use to ask the race analysis whether code is independent (the auto-parallelize
/// rules offer to rewrite a loop only when its body writes no shared state). Same walk, same summaries, same known
/// types as the race rules, so "independent" means exactly "no race rule would fire if this ran in parallel".
/// </summary>
internal static class SharedStateQuery
{
    /// <summary>The analysis state for one compilation; create once per compilation start and reuse (it caches summaries).</summary>
    public static RaceContext ContextFor(Compilation compilation, CancellationToken cancellationToken) => new(compilation, cancellationToken);

    /// <summary>
    /// The writes <paramref name="body"/> (a loop body, or a lambda) would make to shared state if each iteration ran as
    /// a parallel work item: variables declared outside <paramref name="bodySyntax"/>, statics, fields, shared
    /// collections, and what called methods write. <paramref name="itemVariable"/> is the loop variable (a for index or
    /// a foreach item): an element it selects is the iteration's own. Empty means independent.
    /// </summary>
    public static ImmutableArray<SharedWrite> WritesOfBody(IOperation body, SyntaxNode bodySyntax, ISymbol? itemVariable, RaceContext context)
    {
        var scope = new Scope(bodySyntax, null, isWorker: true, "loop body", itemVariable);
        return Convert(BodyWalker.Run(body, scope, context, ImmutableStack<IMethodSymbol>.Empty, 0));
    }

    /// <summary>
    /// The writes a method of the compilation makes to state its callers may share (statics, its own object, objects
    /// passed in), from the cached summary; empty means a call of it from a worker is safe as far as writes go.
    /// </summary>
    public static ImmutableArray<SharedWrite> WritesOfMethod(IMethodSymbol method, RaceContext context)
    {
        var builder = ImmutableArray.CreateBuilder<SharedWrite>();
        foreach (var effect in context.Summaries.Get(method, ImmutableStack<IMethodSymbol>.Empty, 0).Effects)
        {
            builder.Add(new SharedWrite(effect.RuleId, effect.Operation, effect.What));
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<SharedWrite> Convert(List<Effect> effects)
    {
        var builder = ImmutableArray.CreateBuilder<SharedWrite>(effects.Count);
        foreach (var effect in effects)
        {
            builder.Add(new SharedWrite(effect.RuleId, effect.Operation, effect.What));
        }

        return builder.ToImmutable();
    }
}
