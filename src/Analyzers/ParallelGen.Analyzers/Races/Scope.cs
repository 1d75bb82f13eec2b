using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// The code a walk looks at: a worker (a [Parallelizable] body or a lambda run in parallel) or a method being summarized.
/// Symbols declared inside <see cref="Syntax"/> belong to the scope; everything else is captured.
/// </summary>
internal sealed class Scope(SyntaxNode syntax, IMethodSymbol? method, bool isWorker, string workerName, ISymbol? loopIndex, IOperation? singleRunLauncher = null, Windows.Launch? launch = null, bool distinctItems = false)
{
    /// <summary>The items of a per-item worker are known distinct (a set, dictionary keys, Distinct(), Enumerable.Range).</summary>
    public bool DistinctItems { get; } = distinctItems;

    /// <summary>
    /// For a run-once worker: its launch, with the join. A launch joined once in its function is left to the
    /// happens-before analysis (<see cref="Windows.LaunchWindows"/>), which knows what the starting code does meanwhile.
    /// </summary>
    public Windows.Launch? Launch { get; } = launch;

    /// <summary>Whether the worker's own writes are judged by the happens-before analysis instead of being reported here.</summary>
    public bool LeftToWindows => Launch is { JoinedOnce: true } l && l.Name != "Parallel.Invoke";

    public SyntaxNode Syntax { get; } = syntax;

    /// <summary>
    /// For a worker that runs once (Task.Run, new Thread, Parallel.Invoke, ...): the call that starts it. A captured
    /// local it writes is shared only if the call runs in a loop or another delegate of the same call uses the local.
    /// </summary>
    public IOperation? SingleRunLauncher { get; } = singleRunLauncher;

    /// <summary>The method or lambda whose parameters are the scope's own.</summary>
    public IMethodSymbol? Method { get; } = method;

    /// <summary>True for a worker (its effects are reported); false for a summarized method (its effects are recorded).</summary>
    public bool IsWorker { get; } = isWorker;

    public string WorkerName { get; } = workerName;

    /// <summary>
    /// The loop index of Parallel.For (or an indexed ForEach/PLINQ operator), or the variable of a sequential loop asked
    /// about by <see cref="SharedStateQuery"/>: distinct in every work item.
    /// </summary>
    public ISymbol? LoopIndex { get; } = loopIndex;

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
