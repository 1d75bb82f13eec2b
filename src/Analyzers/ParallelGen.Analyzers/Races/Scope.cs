using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// The code a walk looks at: a worker (a [Parallelizable] body or a lambda run in parallel) or a method being summarized.
/// Symbols declared inside <see cref="Syntax"/> belong to the scope; everything else is captured.
/// </summary>
internal sealed class Scope
{
    public Scope(SyntaxNode syntax, IMethodSymbol? method, bool isWorker, string workerName, IParameterSymbol? loopIndex, IOperation? singleRunLauncher = null)
    {
        SingleRunLauncher = singleRunLauncher;
        Syntax = syntax;
        Method = method;
        IsWorker = isWorker;
        WorkerName = workerName;
        LoopIndex = loopIndex;
    }

    public SyntaxNode Syntax { get; }

    /// <summary>
    /// For a worker that runs once (Task.Run, new Thread, Parallel.Invoke, ...): the call that starts it. A captured
    /// local it writes is shared only if the call runs in a loop or another delegate of the same call uses the local.
    /// </summary>
    public IOperation? SingleRunLauncher { get; }

    /// <summary>The method or lambda whose parameters are the scope's own.</summary>
    public IMethodSymbol? Method { get; }

    /// <summary>True for a worker (its effects are reported); false for a summarized method (its effects are recorded).</summary>
    public bool IsWorker { get; }

    public string WorkerName { get; }

    /// <summary>The loop index of Parallel.For (or an indexed ForEach/PLINQ operator): distinct in every work item.</summary>
    public IParameterSymbol? LoopIndex { get; }

    /// <summary>Whether <paramref name="symbol"/> (a local or parameter) is declared inside the scope.</summary>
    public bool Declares(ISymbol symbol)
    {
        if (symbol is IParameterSymbol parameter && Method is not null
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, Method))
        {
            return true;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == Syntax.SyntaxTree && Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
