using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>A method's writes to state a caller may share, with how deep it looked and whether it is complete.</summary>
internal readonly struct WriteSummary(ImmutableArray<Effect> effects, int height, bool complete, int cutDepth)
{
    public ImmutableArray<Effect> Effects { get; } = effects;

    /// <summary>The longest chain of calls followed below the method.</summary>
    public int Height { get; } = height;

    /// <summary>False when a call cycle to an outer method or the depth limit cut the summary short.</summary>
    public bool Complete { get; } = complete;

    /// <summary>The smallest stack depth a call cycle returned to; int.MaxValue when none.</summary>
    public int CutDepth { get; } = cutDepth;

    public static WriteSummary Cut(int cutDepth) => new(ImmutableArray<Effect>.Empty, 0, complete: false, cutDepth);
}

/// <summary>
/// Per-method summaries of writes to state a caller may share (static state, the object the method is called on,
/// objects passed in, variables a local function captures), computed lazily and cached per compilation. A summary cut
/// short — by recursion back to an outer method or by <see cref="MaxDepth"/> — is never cached, and a cached summary
/// that followed <c>h</c> nested calls is reused only where a fresh walk would also reach that deep: the diagnostics do
/// not depend on the order in which the IDE analyses methods (issue 13, point 6).
/// </summary>
internal sealed class SummaryCache
{
    public const int MaxDepth = 8;

    private readonly RaceContext _context;
    private readonly ConcurrentDictionary<IMethodSymbol, WriteSummary> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public SummaryCache(RaceContext context)
    {
        this._context = context;
    }

    public WriteSummary Get(IMethodSymbol method, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        var at = depth;
        foreach (var outer in stack)
        {
            at--;
            if (SymbolEqualityComparer.Default.Equals(outer, method))
            {
                return WriteSummary.Cut(at); // a cycle: this call contributes nothing, and no summary above it up to 'at' is complete
            }
        }

        if (_summaries.TryGetValue(method, out var cached) && depth + cached.Height < MaxDepth)
        {
            return cached;
        }

        if (depth >= MaxDepth || method.MethodKind == MethodKind.StaticConstructor)
        {
            return WriteSummary.Cut(int.MaxValue);
        }

        var inner = stack.Push(method);
        var effects = new List<Effect>();
        int height = 0, cutDepth = int.MaxValue;
        var complete = true;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_context.CancellationToken);
            var body = _context.Operation(Model(syntax.SyntaxTree), syntax);
            if (body is ILocalFunctionOperation localFunction)
            {
                body = localFunction.Body ?? localFunction.IgnoredBody;
            }
            else if (body is IAnonymousFunctionOperation lambda)
            {
                body = lambda.Body; // a lambda held in a delegate variable and invoked by a worker
            }

            if (body is null)
            {
                continue;
            }

            var scope = new Scope(syntax, method, isWorker: false, workerName: method.Name, loopIndex: null);
            var part = BodyWalker.Summarize(body, scope, _context, inner, depth + 1);
            effects.AddRange(part.Effects);
            height = System.Math.Max(height, part.Height);
            cutDepth = System.Math.Min(cutDepth, part.CutDepth);
            complete &= part.Complete;
        }

        // A cycle back to this very method does not make its summary depend on the caller: only cycles further out do.
        complete &= cutDepth >= depth;
        var result = new WriteSummary(effects.ToImmutableArray(), height, complete, complete ? int.MaxValue : cutDepth);
        return complete ? _summaries.GetOrAdd(method, result) : result;
    }

    public SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, t => _context.SemanticModel(t));
}
