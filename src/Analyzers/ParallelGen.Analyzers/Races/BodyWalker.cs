using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Walks one scope (a worker, or a method being summarized) and collects the writes it makes to state that may be
/// shared: captured variables, static members, fields of its object, non-thread-safe collections, Random, concurrent
/// check-then-act, and — through <see cref="SummaryCache"/> — the writes of the methods it calls.
/// </summary>
internal sealed partial class BodyWalker
{
    private const int MaxEffects = 16;

    private readonly Scope _scope;
    private readonly RaceContext _context;
    private readonly ImmutableStack<IMethodSymbol> _stack;
    private readonly int _depth;
    private readonly List<Effect> _effects = new();
    private IOperation? _body;
    private int _height;
    private bool _complete = true;
    private int _cutDepth = int.MaxValue;
    private Dictionary<ILocalSymbol, IOperation>? _initializers;
    private int _methodGroupIndex = -1;
    private Dictionary<ILocalSymbol, bool>? _freshPerRound;

    private BodyWalker(Scope scope, RaceContext context, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        this._scope = scope;
        this._context = context;
        this._stack = stack;
        this._depth = depth;
    }

    private KnownTypes Known => _context.Known;

    /// <summary>The effects of <paramref name="body"/> seen from <paramref name="scope"/>.</summary>
    public static List<Effect> Run(IOperation body, Scope scope, RaceContext context, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        var walker = new BodyWalker(scope, context, stack, depth);
        walker.Walk(body);
        return walker._effects;
    }

    /// <summary>The effects of a summarized method's <paramref name="body"/>, with how deep the walk looked and whether it is complete.</summary>
    public static WriteSummary Summarize(IOperation body, Scope scope, RaceContext context, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        var walker = new BodyWalker(scope, context, stack, depth);
        walker.Walk(body);
        return new WriteSummary(walker._effects.ToImmutableArray(), walker._height, walker._complete, walker._cutDepth);
    }

    /// <summary>The effects of calling <paramref name="method"/> on <paramref name="instance"/> from <paramref name="scope"/>, reported at <paramref name="at"/>.</summary>
    /// <paramref name="indexOrdinal"/> is the parameter of a method group that receives the loop index (Parallel.For(0, n, ProcessRow)), or -1.
    public static List<Effect> RunCall(IMethodSymbol method, IOperation? instance, Scope scope, RaceContext context, IOperation at, int indexOrdinal = -1)
    {
        var walker = new BodyWalker(scope, context, ImmutableStack<IMethodSymbol>.Empty, 0) { _methodGroupIndex = indexOrdinal };
        walker.CallSummary(method, instance, ImmutableArray<IArgumentOperation>.Empty, at);
        return walker._effects;
    }

    private void Walk(IOperation body)
    {
        this._body = body;
        // Iterative: generated or mutated sources can nest deeply (long concatenations), and a recursion would overflow.
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation function && function.Syntax != _scope.Syntax
                && (WorkerFinder.IsWorker(function, Known) || WorkerFinder.IsLazyFactory(function, Known)))
            {
                continue; // analyzed as a worker of its own, or run once under Lazy's lock
            }

            Inspect(operation);
            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    private void Inspect(IOperation operation)
    {
        ImplicitCalls(operation);
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment:
                Write(assignment.Target, assignment);
                break;
            case ICompoundAssignmentOperation compound:
                Write(compound.Target, compound);
                break;
            case ICoalesceAssignmentOperation coalesce:
                Write(coalesce.Target, coalesce);
                break;
            case IIncrementOrDecrementOperation increment:
                Write(increment.Target, increment);
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var leaf in Leaves(deconstruction.Target))
                {
                    Write(leaf, deconstruction);
                }

                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                if (!IsAtomicHelperCall(argument.Parent) && !IsSourceCall(argument.Parent))
                {
                    Write(argument.Value, argument);
                }

                break;
            case IInvocationOperation invocation:
                Call(invocation);
                break;
            case IObjectCreationOperation { Constructor: { } constructor } creation when IsSource(constructor):
                CallSummary(constructor, null, creation.Arguments, creation);
                break;
            case IConditionalOperation conditional:
                CheckThenAct(conditional);
                break;
            case IArrayElementReferenceOperation element:
                NeighbourRead(element);
                break;
        }
    }

    private bool IsAtomicHelperCall(IOperation? call) =>
        call is IInvocationOperation invocation && Known.IsAtomicHelper(invocation.TargetMethod.ContainingType);

    private static IEnumerable<IOperation> Leaves(IOperation target)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (var element in tuple.Elements)
            {
                foreach (var leaf in Leaves(element))
                {
                    yield return leaf;
                }
            }
        }
        else if (target is IDeclarationExpressionOperation)
        {
            yield break;
        }
        else
        {
            yield return target;
        }
    }

    private void Write(IOperation target, IOperation at)
    {
        switch (target)
        {
            case ILocalReferenceOperation local when !_scope.Declares(local.Local):
                CapturedWrite(local.Local, "variable", at);
                break;
            case IParameterReferenceOperation parameter when !_scope.Declares(parameter.Parameter):
                CapturedWrite(parameter.Parameter, "parameter", at);
                break;
            case ILocalReferenceOperation { Local.IsRef: true } alias when Initializer(alias) is { } aliased && Unwrap(aliased) is { } storage && storage is not ILocalReferenceOperation { Local.IsRef: true }:
                Write(storage, at); // a ref local writes the storage it refers to (ref int slot = ref totals[0])
                break;
            case IParameterReferenceOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef when !_scope.IsWorker && IsOwnParameter(byRef.Parameter):
                // A ref parameter written plainly: the caller's variable is written (an Interlocked helper is not).
                Add(DiagnosticIds.CapturedVariableWritten, new Origin(OriginKind.Parameter, $"parameter '{byRef.Parameter.Name}'", byRef.Parameter, byRef.Parameter.Ordinal), at, $"writes ref parameter '{byRef.Parameter.Name}'", byRef.Parameter.Name);
                break;
            case IFieldReferenceOperation field:
                WriteField(field, at);
                break;
            case IPropertyReferenceOperation property:
                WriteProperty(property, at);
                break;
            case IArrayElementReferenceOperation element:
                if (!IsLoopIndex(element.Indices) && !IsPerRunSlot(element.Indices))
                {
                    var origin = Classify(element.ArrayReference);
                    var member = Text(element);
                    AddEffect(new Effect(DiagnosticIds.SharedCollectionMutated, origin, at, $"writes '{member}' of {origin.Description}", ImmutableArray.Create<object>(origin.Description, member + " =", Display(element.ArrayReference.Type)), ImmutableArray<string>.Empty, IndexParameter(element.Indices)));
                }

                break;
        }
    }

    private void Call(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        var castType = invocation.Instance?.Type;
        receiver = Unwrap(receiver);
        if (receiver is not null)
        {
            var type = Known.IsMutableCollection(receiver.Type) || castType is null ? receiver.Type : castType;
            // Extension methods mutate only when they are CollectionExtensions (TryAdd, Remove on dictionaries); LINQ's
            // Append/Reverse/... return new sequences.
            var mutates = KnownTypes.IsMutatingMember(method.Name) && (!method.IsExtensionMethod || KnownTypes.Is(method.ContainingType, Known.CollectionExtensions));
            if (mutates && Known.IsMutableCollection(type) && !Known.IsConcurrentCollection(type) && !SynchronizedWrappers.Holds(ReferencedSymbol(receiver), Known))
            {
                var origin = Classify(receiver);
                Add(DiagnosticIds.SharedCollectionMutated, origin, invocation, $"calls '{method.Name}' on {origin.Description}, a non-thread-safe {Display(type)}", origin.Description, method.Name, Display(type));
                return;
            }

            if (!method.IsStatic && KnownTypes.InheritsFrom(type, Known.Random))
            {
                var origin = Classify(receiver);
                Add(DiagnosticIds.SharedRandom, origin, invocation, $"uses the shared Random {origin.Description}", method.Name, origin.Description);
                return;
            }
        }

        if (DelegateTarget(invocation) is { } lambda && !DeclaredInside(lambda))
        {
            CallSummary(lambda, null, ImmutableArray<IArgumentOperation>.Empty, invocation);
            return;
        }

        if (IsSource(method) && !(method.MethodKind == MethodKind.LocalFunction && DeclaredInside(method))
            && !(_scope.IsWorker && Known.IsParallelizable(method.OriginalDefinition)))
        {
            // A [Parallelizable] method is a worker itself and reports its own body; not again at each call.
            CallSummary(method, invocation.Instance, invocation.Arguments, invocation);
        }
    }

    private bool DeclaredInside(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == _scope.Syntax.SyntaxTree && _scope.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private void CallSummary(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IOperation at)
    {
        var summary = _context.Summaries.Get(method, _stack, _depth);
        _height = System.Math.Max(_height, summary.Height + 1);
        if (!summary.Complete)
        {
            _complete = false;
            _cutDepth = System.Math.Min(_cutDepth, summary.CutDepth);
        }

        foreach (var effect in summary.Effects)
        {
            var mapped = Map(effect.Origin, method, instance, arguments);
            if (mapped.IsNone)
            {
                continue;
            }

            var indexOrdinal = -1;
            if (effect.IndexOrdinal >= 0 && effect.IndexOrdinal == _methodGroupIndex && arguments.IsEmpty)
            {
                continue; // a method group run per index writes the element its index parameter selects
            }

            if (effect.IndexOrdinal >= 0 && Argument(arguments, effect.IndexOrdinal) is { } indexArgument)
            {
                if (IsLoopIndex(ImmutableArray.Create(indexArgument)))
                {
                    continue; // the callee writes the element the work item's own index selects
                }

                indexOrdinal = IndexParameter(ImmutableArray.Create(indexArgument));
            }

            if (AddEffect(effect.Through(Display(method), mapped, at, indexOrdinal)) && _scope.IsWorker)
            {
                return; // one report per call site
            }
        }
    }

    private Origin Map(Origin origin, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
    {
        switch (origin.Kind)
        {
            case OriginKind.Static:
                return origin;
            case OriginKind.Captured when origin.Symbol is { } symbol:
                if (symbol is IParameterSymbol parameter && _scope.Method is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _scope.Method))
                {
                    return _scope.IsWorker ? Origin.None : new Origin(OriginKind.Parameter, $"parameter '{parameter.Name}'", parameter, parameter.Ordinal);
                }

                return _scope.Declares(symbol) ? Origin.None : origin;
            case OriginKind.This:
                if (method.IsStatic || method.MethodKind == MethodKind.Constructor || instance is null)
                {
                    return Origin.None;
                }

                return Classify(instance);
            case OriginKind.Parameter:
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Ordinal == origin.Ordinal && argument.ArgumentKind != ArgumentKind.ParamArray)
                    {
                        return Classify(argument.Value);
                    }
                }

                return Origin.None;
            default:
                return Origin.None;
        }
    }

    private void Add(string ruleId, Origin origin, IOperation at, string what, params object[] arguments) =>
        AddEffect(new Effect(ruleId, origin, at, what, ImmutableArray.Create(arguments), ImmutableArray<string>.Empty));

    private bool AddEffect(Effect effect)
    {
        if (effect.Origin.IsNone || (_scope.IsWorker && effect.Origin.Kind == OriginKind.Parameter) || _effects.Count >= MaxEffects
            || _scope.LeftToWindows)
        {
            return false;
        }

        if (SyncRegions.IsGuarded(effect.Operation, Known, _scope.Syntax, IsPrivateLock))
        {
            return false;
        }

        _effects.Add(effect);
        return true;
    }

    /// <summary>A lock object only this work item reaches: its own item, or an object created in the worker.</summary>
    private bool IsPrivateLock(IOperation locked) => Unwrap(locked) switch
    {
        IParameterReferenceOperation parameter => _scope.IsWorker && _scope.SingleRunLauncher is null && IsItemParameter(parameter.Parameter),
        ILocalReferenceOperation local => _scope.Declares(local.Local) && Initializer(local) is { } initializer && Unwrap(initializer) is IObjectCreationOperation,
        _ => false,
    };

}
