using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// Per-method access summaries, cached per compilation. Deterministic by construction: a summary cut short by a call
/// cycle to an outer method or by <see cref="SummaryCache.MaxDepth"/> is never cached, and a cached summary that
/// looked <c>h</c> calls deep is reused only where a fresh computation would also reach that deep, so what a caller
/// sees never depends on which method was analysed first.
/// </summary>
internal sealed class AccessSummaries(RaceContext context)
{
    private readonly ConcurrentDictionary<IMethodSymbol, AccessSummary> _cache = new(SymbolEqualityComparer.Default);

    public AccessSummary Get(IMethodSymbol method, ImmutableStack<IMethodSymbol> stack)
    {
        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        var depth = 0;
        var cycleAt = -1;
        foreach (var outer in stack)
        {
            depth++;
        }

        var index = depth;
        foreach (var outer in stack)
        {
            index--;
            if (SymbolEqualityComparer.Default.Equals(outer, method))
            {
                cycleAt = index;
                break;
            }
        }

        if (cycleAt >= 0)
        {
            return AccessSummary.Cut(cycleAt);
        }

        if (_cache.TryGetValue(method, out var cached) && depth + cached.Height < SummaryCache.MaxDepth)
        {
            return cached;
        }

        if (depth >= SummaryCache.MaxDepth || method.MethodKind == MethodKind.StaticConstructor)
        {
            return AccessSummary.Cut(int.MaxValue);
        }

        var inner = stack.Push(method);
        var accesses = ImmutableArray.CreateBuilder<Access>();
        var handshakes = ImmutableArray.CreateBuilder<Handshake>();
        int height = 0, cutDepth = int.MaxValue;
        var complete = true;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(context.CancellationToken);
            var body = context.Operation(context.Summaries.Model(syntax.SyntaxTree), syntax);
            if (body is ILocalFunctionOperation localFunction)
            {
                body = localFunction.Body ?? localFunction.IgnoredBody;
            }
            else if (body is IAnonymousFunctionOperation lambda)
            {
                body = lambda.Body;
            }

            if (body is null)
            {
                continue;
            }

            var part = AccessCollector.Summarize(method, body, syntax, context, inner);
            accesses.AddRange(part.Accesses);
            handshakes.AddRange(part.Handshakes);
            height = System.Math.Max(height, part.Height);
            complete &= part.Complete;
            cutDepth = System.Math.Min(cutDepth, part.CutDepth);
        }

        var summary = new AccessSummary(accesses.ToImmutable(), handshakes.ToImmutable(), height, complete, cutDepth);
        return complete ? _cache.GetOrAdd(method, summary) : summary;
    }
}
