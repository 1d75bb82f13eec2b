using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Per-method summaries of writes to state a caller may share (static state, the object the method is called on,
/// objects passed in, variables a local function captures), computed lazily, cached per compilation, cut at
/// recursion (a method already being summarized contributes nothing) and at <see cref="MaxDepth"/> calls.
/// </summary>
internal sealed class SummaryCache
{
    public const int MaxDepth = 8;

    private readonly RaceContext _context;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Effect>> _summaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public SummaryCache(RaceContext context)
    {
        _context = context;
    }

    public ImmutableArray<Effect> Get(IMethodSymbol method, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (_summaries.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (depth >= MaxDepth || method.MethodKind == MethodKind.StaticConstructor || Contains(stack, method))
        {
            return ImmutableArray<Effect>.Empty; // cycle or too deep: not cached, the outer computation decides
        }

        var inner = stack.Push(method);
        var effects = new List<Effect>();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var body = _context.Operation(Model(syntax.SyntaxTree), syntax);
            if (body is ILocalFunctionOperation localFunction)
            {
                body = localFunction.Body ?? localFunction.IgnoredBody;
            }

            if (body is null)
            {
                continue;
            }

            var scope = new Scope(syntax, method, isWorker: false, workerName: method.Name, loopIndex: null);
            effects.AddRange(BodyWalker.Run(body, scope, _context, inner, depth + 1));
        }

        var result = effects.ToImmutableArray();
        return _summaries.GetOrAdd(method, result);
    }

    private static bool Contains(ImmutableStack<IMethodSymbol> stack, IMethodSymbol method)
    {
        foreach (var item in stack)
        {
            if (SymbolEqualityComparer.Default.Equals(item, method))
            {
                return true;
            }
        }

        return false;
    }

    private SemanticModel Model(SyntaxTree tree) => _models.GetOrAdd(tree, t => _context.SemanticModel(t));
}
