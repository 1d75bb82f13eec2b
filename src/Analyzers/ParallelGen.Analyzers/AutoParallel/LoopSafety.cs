using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ParallelGen.Analyzers.Races;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>
/// Whether the per-item value of a matched loop may run on many threads in any order: the race analysis
/// (<see cref="BodyWalker"/> and the interprocedural <see cref="SummaryCache"/>) finds no write to shared state in it or
/// in what it calls, and nothing it reaches does something whose order a user sees (console, files, network,
/// processes, logging, debug output, a delegate or a method without a body the analysis cannot look into).
/// </summary>
internal sealed class LoopSafety
{
    private const int MaxDepth = SummaryCache.MaxDepth;

    private readonly RaceContext _race;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _observable = new(SymbolEqualityComparer.Default);

    public LoopSafety(RaceContext race) => this._race = race;

    public RaceContext Race => _race;

    /// <summary>True when running <paramref name="value"/> once per item, in parallel and in any order, changes nothing a user sees but the time.</summary>
    public bool IsIndependent(IOperation value, SyntaxNode loop)
    {
        // A scope that is not a worker: every write to state declared outside the loop counts, even through a
        // [Parallelizable] method (a worker's own rules report those at the method; here they forbid the rewrite).
        var scope = new Scope(loop, null, isWorker: false, workerName: "loop", loopIndex: null);
        if (BodyWalker.Run(value, scope, _race, ImmutableStack<IMethodSymbol>.Empty, 0).Count > 0)
        {
            return false;
        }

        return !IsObservable(value, ImmutableStack<IMethodSymbol>.Empty, 0, new Walk());
    }

    private bool IsObservable(IOperation root, ImmutableStack<IMethodSymbol> stack, int depth, Walk walk)
    {
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            _race.CancellationToken.ThrowIfCancellationRequested();
            var operation = pending.Pop();
            var reached = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => creation.Constructor,
                IPropertyReferenceOperation property => (ISymbol)property.Property,
                _ => null,
            };

            if (operation is IDynamicInvocationOperation or IFunctionPointerInvocationOperation or IEventReferenceOperation or IDynamicMemberReferenceOperation or ILockOperation)
            {
                return true;
            }

            if (reached is not null && Reaches(reached, stack, depth, walk))
            {
                return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    private bool Reaches(ISymbol member, ImmutableStack<IMethodSymbol> stack, int depth, Walk walk)
    {
        if (IsObservableType(member.ContainingType))
        {
            return true;
        }

        if (member is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke })
        {
            return true; // a delegate: whatever it was given may print or write
        }

        var method = member switch
        {
            IMethodSymbol m => m,
            IPropertySymbol p => p.GetMethod,
            _ => null,
        };

        if (method is null || method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false; // library code outside the observable types: judged by its type
        }

        method = (method.PartialImplementationPart ?? method).OriginalDefinition;
        if (_observable.TryGetValue(method, out var known))
        {
            return known;
        }

        foreach (var item in stack)
        {
            if (SymbolEqualityComparer.Default.Equals(item, method))
            {
                walk.Cut = true;
                return false; // recursion: the outer walk decides
            }
        }

        if (depth >= MaxDepth)
        {
            return true; // too deep to prove anything
        }

        var result = false;
        var any = false;
        var inner = new Walk();
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(_race.CancellationToken);
            var body = _race.Operation(_race.SemanticModel(syntax.SyntaxTree), syntax);
            if (body is null)
            {
                continue;
            }

            any = true;
            result |= IsObservable(body, stack.Push(method), depth + 1, inner);
        }

        result |= !any; // abstract, extern or partial without a body: nothing to prove it quiet
        if (inner.Cut && !result)
        {
            walk.Cut = true;
            return result; // cut at a recursion: true for this walk, not for every caller, so not cached
        }

        return _observable.GetOrAdd(method, result);
    }

    /// <summary>Types whose use is seen outside the program or depends on call order: console, I/O, network, processes, logs.</summary>
    private static bool IsObservableType(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System.IO" || ns.StartsWith("System.IO.", System.StringComparison.Ordinal)
            || ns == "System.Net" || ns.StartsWith("System.Net.", System.StringComparison.Ordinal)
            || ns.StartsWith("Microsoft.Extensions.Logging", System.StringComparison.Ordinal))
        {
            return true;
        }

        return (ns, type.Name) switch
        {
            ("System", "Console" or "Environment" or "GC" or "AppDomain") => true,
            ("System.Diagnostics", "Debug" or "Trace" or "Process" or "Debugger" or "EventLog" or "Activity") => true,
            ("System.Threading", "Thread" or "Monitor" or "Interlocked" or "Volatile" or "Barrier" or "CountdownEvent") => true,
            _ => false,
        };
    }

    /// <summary>Whether a walk was cut at a recursion, so that what it found holds for this walk only.</summary>
    private sealed class Walk
    {
        public bool Cut { get; set; }
    }
}
