using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// The happens-before analysis of run-once workers (issue 13, point 1). In a function that starts workers, each
/// worker runs concurrently with the starting code from its start to its join, and with every other worker started
/// before that join. Accesses on both sides that touch the same storage, one of them a write, race unless both are
/// atomic, both hold the same lock (in modes that exclude each other), or a handshake (an event set after one and
/// waited on before the other) orders them. Reports PG0108 (the starting code) and PG0109 (two launches).
/// </summary>
internal sealed class LaunchWindows(RaceContext context)
{
    private readonly ConcurrentDictionary<SyntaxNode, bool> _analyzed = new();

    /// <summary>Analyses the function around <paramref name="launcher"/> once, reporting through <paramref name="report"/>.</summary>
    public void AnalyzeOnce(IOperation launcher, ISymbol? container, Action<Diagnostic> report)
    {
        var function = LaunchFinder.Function(launcher);
        if (!_analyzed.TryAdd(function.Syntax, true))
        {
            return;
        }

        var launches = FindLaunches(function);
        if (launches.Count == 0)
        {
            return;
        }

        var workers = launches.Select(l => Regions(l)).ToList();
        var launched = new HashSet<SyntaxNode>(launches.SelectMany(l => l.Workers).Select(w => w.Target.Syntax));
        var body = function is IAnonymousFunctionOperation lambda ? lambda.Body : function is ILocalFunctionOperation local ? (IOperation?)local.Body ?? local.IgnoredBody : function;
        if (body is null)
        {
            return;
        }

        var starter = AccessCollector.Region(body, function.Syntax, ownLocalsPrivate: false, context, f => launched.Contains(f.Syntax) || IsContinuation(f));
        var reported = new HashSet<(string, TextSpanKey)>();
        var starterName = container?.Name ?? "the starting code";
        for (var i = 0; i < launches.Count; i++)
        {
            var launch = launches[i];
            foreach (var mine in starter.Accesses)
            {
                if (!launch.RunsAt(mine.Order.Outer, function.Syntax) || (InsideWorker(mine.At) && ReportedByWorkerRules(launch, mine)))
                {
                    continue;
                }

                foreach (var region in workers[i])
                {
                    if (FirstConflict(mine, starter.Handshakes, region) is { } theirs
                        && reported.Add((DiagnosticIds.StartingCodeRace, new TextSpanKey(mine.At))))
                    {
                        report(Diagnostic.Create(
                            DiagnosticDescriptors.StartingCodeRace,
                            mine.At.Syntax.GetLocation(),
                            LockFix.With(WaitFix(launch, function, container), mine, theirs),
                            starterName, Verb(mine), mine.Key.Describe(), region.Name, Line(launch.Start), Verb(theirs), JoinWords(launch)));
                        break;
                    }
                }
            }

            for (var j = 0; j < launches.Count; j++)
            {
                var other = launches[j];
                var sameCall = i == j;
                if (!sameCall && (!(other.Start.Syntax.SpanStart > launch.Start.Syntax.SpanStart && launch.RunsAt(other.Start.Syntax.SpanStart, function.Syntax))
                    || ContinuesFrom(other, launch)))
                {
                    continue;
                }

                foreach (var first in workers[i])
                {
                    foreach (var second in workers[j])
                    {
                        if (sameCall && first.Index >= second.Index)
                        {
                            continue;
                        }

                        foreach (var access in second.Accesses)
                        {
                            if (sameCall ? !(access.Key.IsElement && access.ConstantIndex is not null) : ReportedByWorkerRules(other, access))
                            {
                                continue; // the worker rules (PG0100-PG0103) report this write already
                            }

                            if (FirstConflict(access, second.Handshakes, first) is { } theirs
                                && reported.Add((DiagnosticIds.ConcurrentLaunchRace, new TextSpanKey(access.At))))
                            {
                                report(Diagnostic.Create(
                                    DiagnosticDescriptors.ConcurrentLaunchRace,
                                    access.At.Syntax.GetLocation(),
                                    LockFix.With(null, access, theirs),
                                    second.Name, Verb(access), access.Key.Describe(), first.Name, Line(launch.Start), Verb(theirs)));
                                break;
                            }
                        }
                    }
                }
            }
        }
    }

    private static Access? FirstConflict(Access mine, IReadOnlyList<Handshake> myHandshakes, WorkerRegion region)
    {
        foreach (var theirs in region.Accesses)
        {
            if (mine.ConflictsWith(theirs)
                && !Handshake.Orders(mine, myHandshakes, theirs, region.Handshakes)
                && !Handshake.Orders(theirs, region.Handshakes, mine, myHandshakes))
            {
                return theirs;
            }
        }

        return null;
    }

    private List<Launch> FindLaunches(IOperation function)
    {
        var launches = new List<Launch>();
        var pending = new Stack<IOperation>();
        pending.Push(function);
        while (pending.Count > 0)
        {
            var op = pending.Pop();
            if (op != function && op is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (op is IInvocationOperation or IObjectCreationOperation
                && WorkerFinder.LauncherName(op, context.Known) is { } name && WorkerFinder.RunsOnce(name)
                && LaunchFinder.Describe(op, name, known: context.Known) is { } launch)
            {
                launches.Add(launch);
            }
            else if (op is IInvocationOperation { TargetMethod.Name: "ContinueWith" } continuation && IsThreadPoolContinuation(continuation)
                && LaunchFinder.Describe(continuation, "Task.ContinueWith", known: context.Known) is { } continued)
            {
                launches.Add(continued); // runs on another thread once its antecedent is done, until it is waited for
            }
            else if (op is IInvocationOperation call && LauncherHelpers.MayBeHelper(call.TargetMethod, context.Compilation))
            {
                foreach (var (how, workers) in context.Helpers.Workers(call))
                {
                    if (!how.Repeated && WorkerFinder.RunsOnce(how.InnerLauncher) && LaunchFinder.Describe(call, how.InnerLauncher, workers, context.Known, how.JoinedInside) is { } helped)
                    {
                        launches.Add(helped);
                    }
                }
            }

            foreach (var child in op.ChildOperations)
            {
                pending.Push(child);
            }
        }

        launches.Sort((a, b) => a.Start.Syntax.SpanStart.CompareTo(b.Start.Syntax.SpanStart));
        return launches;
    }

    /// <summary>The <c>state</c> argument of Task.Factory.StartNew(action, state) or ThreadPool.QueueUserWorkItem(callback, state).</summary>
    private static IOperation? StateArgument(Launch launch)
    {
        if (launch.Launcher is IInvocationOperation call)
        {
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "state" && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    private List<WorkerRegion> Regions(Launch launch)
    {
        var regions = new List<WorkerRegion>();
        var index = 0;
        foreach (var worker in launch.Workers)
        {
            switch (worker.Target)
            {
                case IAnonymousFunctionOperation function:
                {
                    var state = StateArgument(launch);
                    var (accesses, handshakes) = state is not null && function.Symbol.Parameters.Length == 1
                        ? AccessCollector.Call(function.Symbol, null, function, context, ImmutableArray<IArgumentOperation>.Empty, state)
                        : AccessCollector.Region(function.Body, function.Syntax, ownLocalsPrivate: true, context, f => WorkerFinder.IsWorker(f, context.Known));
                    regions.Add(new WorkerRegion(worker.Name, index++, accesses, handshakes));
                    break;
                }

                case IMethodReferenceOperation reference:
                {
                    var startArguments = launch.Start is IInvocationOperation { TargetMethod.Name: "Start", Arguments.Length: 1 } started ? started.Arguments : ImmutableArray<IArgumentOperation>.Empty;
                    var (accesses, handshakes) = AccessCollector.Call(reference.Method, reference.Instance, reference, context, startArguments, StateArgument(launch));
                    regions.Add(new WorkerRegion(worker.Name + " (" + reference.Method.Name + ")", index++, accesses, handshakes));
                    break;
                }
            }
        }

        return regions;
    }

    /// <summary>
    /// Whether the worker rules report <paramref name="access"/> of a worker of <paramref name="launch"/> on their own:
    /// a write of a static member, a field or an element by a worker that is not joined once in its function.
    /// </summary>
    private static bool ReportedByWorkerRules(Launch launch, Access access) =>
        !launch.JoinedOnce && access.IsWrite && !(access.Key.Kind == RootKind.Variable && access.Key.Path.Length == 0) && access.ConstantIndex is null;

    /// <summary>A lambda handed to ContinueWith runs after the task it continues, not alongside the starting code.</summary>
    /// <summary>Task.ContinueWith without a TaskScheduler (one would usually post it back to the starting thread).</summary>
    private bool IsThreadPoolContinuation(IInvocationOperation call)
    {
        if (!KnownTypes.InheritsFrom(call.TargetMethod.ContainingType, context.Known.Task))
        {
            return false;
        }

        foreach (var parameter in call.TargetMethod.Parameters)
        {
            if (parameter.Type.Name == "TaskScheduler")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="later"/> is a continuation of <paramref name="earlier"/>'s task: it runs only after it.</summary>
    private static bool ContinuesFrom(Launch later, Launch earlier)
    {
        if (later.Launcher is not IInvocationOperation { TargetMethod.Name: "ContinueWith", Instance: { } antecedent })
        {
            return false;
        }

        return antecedent.Syntax.Span.Contains(earlier.Launcher.Syntax.Span)
            || (earlier.Handle is not null && SymbolEqualityComparer.Default.Equals(BodyWalker.ReferencedSymbol(antecedent), earlier.Handle));
    }

    private static bool IsContinuation(IAnonymousFunctionOperation function)
    {
        var parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ContinueWith" } };
    }

    private bool InsideWorker(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation function && WorkerFinder.IsWorker(function, context.Known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// For the code fix: the statement that waits for the worker before the access ("await t;", "t.Wait();",
    /// "t.Join();") when the worker is held in a local task or thread; no property otherwise.
    /// </summary>
    private ImmutableDictionary<string, string?>? WaitFix(Launch launch, IOperation function, ISymbol? container)
    {
        if (launch.Handle is not ILocalSymbol { Type: var type } local)
        {
            return null;
        }

        var known = context.Known;
        string? statement = null;
        if (KnownTypes.Is(type, known.Thread))
        {
            statement = local.Name + ".Join();";
        }
        else if (KnownTypes.Is(type, known.Task) || KnownTypes.Is(type, known.TaskOfT))
        {
            var isAsync = function switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol.IsAsync,
                ILocalFunctionOperation localFunction => localFunction.Symbol.IsAsync,
                _ => container is IMethodSymbol { IsAsync: true },
            };
            statement = isAsync ? "await " + local.Name + ";" : local.Name + ".Wait();";
        }

        return statement is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperties.WaitStatement, statement).Add(FixProperties.BlockingWait, KnownTypes.Is(type, known.Thread) ? statement : local.Name + ".Wait();");
    }

    private static string Verb(Access access) => access.IsWrite ? "writes" : "reads";

    private static int Line(IOperation operation) => operation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private static string JoinWords(Launch launch) =>
        launch.Join is { } join ? $"joined only on line {Line(join)}" : "never joined here";

    private sealed class WorkerRegion(string name, int index, List<Access> accesses, List<Handshake> handshakes)
    {
        public string Name { get; } = name;

        public int Index { get; } = index;

        public List<Access> Accesses { get; } = accesses;

        public List<Handshake> Handshakes { get; } = handshakes;
    }

    private readonly struct TextSpanKey(IOperation operation) : IEquatable<TextSpanKey>
    {
        private readonly int _start = operation.Syntax.SpanStart;
        private readonly int _length = operation.Syntax.Span.Length;

        public bool Equals(TextSpanKey other) => _start == other._start && _length == other._length;

        public override bool Equals(object? obj) => obj is TextSpanKey other && Equals(other);

        public override int GetHashCode() => (_start * 31) + _length;
    }
}
