using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// A start of run-once workers (Task.Run, StartNew, new Thread(...).Start(), new Task(...).Start(), Parallel.Invoke,
/// ThreadPool.QueueUserWorkItem, IExecutor.Submit) and the point that joins it, in the function that starts it.
/// The workers run concurrently with the starting code from <see cref="Start"/> until <see cref="Join"/>
/// (or to the end of the function when nothing joins them: fire-and-forget).
/// </summary>
internal sealed class Launch(IOperation launcher, string name, IOperation start, IOperation? join, bool joinedByCall, ILoopOperation? loop, ISymbol? handle = null, IReadOnlyList<WorkerDelegate>? workers = null)
{
    /// <summary>The local or field that holds the task, thread or future (or a collection of them); null when none.</summary>
    public ISymbol? Handle { get; } = handle;

    /// <summary>The call or creation that hands over the delegates.</summary>
    public IOperation Launcher { get; } = launcher;

    public string Name { get; } = name;

    /// <summary>The operation from whose end the workers run (the launcher, or Thread.Start / Task.Start).</summary>
    public IOperation Start { get; } = start;

    /// <summary>The first wait on the workers after the start; null when never joined in the function.</summary>
    public IOperation? Join { get; } = join;

    /// <summary>Parallel.Invoke, or a launch awaited or waited where it stands: nothing of the starting code runs in between.</summary>
    public bool JoinedByCall { get; } = joinedByCall;

    /// <summary>The outermost loop around the start that does not also hold the join: the workers of one round overlap the next.</summary>
    public ILoopOperation? Loop { get; } = loop;

    /// <summary>Joined in the function, once: the launch is neither fire-and-forget nor repeated before its join.</summary>
    public bool JoinedOnce => (Join is not null || JoinedByCall) && Loop is null;

    /// <summary>Where the window in which the starting code races with the workers begins (source position).</summary>
    public int WindowStart => Loop?.Syntax.SpanStart ?? Start.Syntax.Span.End;

    /// <summary>Where it ends: the join, or the end of <paramref name="function"/>.</summary>
    public int WindowEnd(SyntaxNode function) => JoinedByCall ? Start.Syntax.Span.End
        : Join is null ? function.Span.End
        : Join.Syntax.Span.Contains(Start.Syntax.Span) ? Join.Syntax.Span.End : Join.Syntax.SpanStart;

    /// <summary>Whether the workers of this launch may still run at <paramref name="position"/>.</summary>
    public bool RunsAt(int position, SyntaxNode function) => position >= WindowStart && position < WindowEnd(function);

    /// <summary>The delegates it runs: those of the launcher, or (a helper of the compilation) the ones the helper runs.</summary>
    public IEnumerable<WorkerDelegate> Workers => workers ?? WorkerFinder.Delegates(Launcher, Name);
}
