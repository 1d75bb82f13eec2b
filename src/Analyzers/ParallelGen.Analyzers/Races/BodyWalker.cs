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

    private readonly Scope scope;
    private readonly RaceContext context;
    private readonly ImmutableStack<IMethodSymbol> stack;
    private readonly int depth;
    private readonly List<Effect> effects = new();
    private IOperation? body;
    private int height;
    private bool complete = true;
    private int cutDepth = int.MaxValue;
    private Dictionary<ILocalSymbol, IOperation>? initializers;

    private BodyWalker(Scope scope, RaceContext context, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        this.scope = scope;
        this.context = context;
        this.stack = stack;
        this.depth = depth;
    }

    private KnownTypes Known => context.Known;

    /// <summary>The effects of <paramref name="body"/> seen from <paramref name="scope"/>.</summary>
    public static List<Effect> Run(IOperation body, Scope scope, RaceContext context, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        var walker = new BodyWalker(scope, context, stack, depth);
        walker.Walk(body);
        return walker.effects;
    }

    /// <summary>The effects of a summarized method's <paramref name="body"/>, with how deep the walk looked and whether it is complete.</summary>
    public static WriteSummary Summarize(IOperation body, Scope scope, RaceContext context, ImmutableStack<IMethodSymbol> stack, int depth)
    {
        var walker = new BodyWalker(scope, context, stack, depth);
        walker.Walk(body);
        return new WriteSummary(walker.effects.ToImmutableArray(), walker.height, walker.complete, walker.cutDepth);
    }

    /// <summary>The effects of calling <paramref name="method"/> on <paramref name="instance"/> from <paramref name="scope"/>, reported at <paramref name="at"/>.</summary>
    public static List<Effect> RunCall(IMethodSymbol method, IOperation? instance, Scope scope, RaceContext context, IOperation at)
    {
        var walker = new BodyWalker(scope, context, ImmutableStack<IMethodSymbol>.Empty, 0);
        walker.CallSummary(method, instance, ImmutableArray<IArgumentOperation>.Empty, at);
        return walker.effects;
    }

    private void Walk(IOperation body)
    {
        this.body = body;
        // Iterative: generated or mutated sources can nest deeply (long concatenations), and a recursion would overflow.
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation function && function.Syntax != scope.Syntax
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
            case ILocalReferenceOperation local when !scope.Declares(local.Local):
                CapturedWrite(local.Local, "variable", at);
                break;
            case IParameterReferenceOperation parameter when !scope.Declares(parameter.Parameter):
                CapturedWrite(parameter.Parameter, "parameter", at);
                break;
            case IParameterReferenceOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } byRef when !scope.IsWorker && IsOwnParameter(byRef.Parameter):
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

    private void CapturedWrite(ISymbol symbol, string kind, IOperation at)
    {
        if (scope.SingleRunLauncher is { } launcher && !WorkerFinder.SharedAcrossRuns(symbol, launcher, scope.Syntax))
        {
            return; // one run, nobody else touches it: the caller reads it after joining
        }

        var origin = new Origin(OriginKind.Captured, $"captured {kind} '{symbol.Name}'", symbol);
        Add(DiagnosticIds.CapturedVariableWritten, origin, at, $"writes captured {kind} '{symbol.Name}'", symbol.Name);
    }

    private void WriteField(IFieldReferenceOperation reference, IOperation at)
    {
        var field = reference.Field;
        if (field.IsConst)
        {
            return;
        }

        if (field.IsStatic)
        {
            if (Known.IsThreadStatic(field))
            {
                return;
            }

            var name = field.ContainingType.Name + "." + field.Name;
            Add(DiagnosticIds.StaticMemberWritten, new Origin(OriginKind.Static, $"static field '{name}'"), at, $"writes static field '{name}'", "field", name);
            return;
        }

        var instance = Unwrap(reference.Instance);
        if (instance is null)
        {
            return;
        }

        if (field.ContainingType.IsValueType && instance is not IInstanceReferenceOperation)
        {
            Write(instance, at); // changing a field of a struct changes the variable that holds it
            return;
        }

        var origin = Classify(instance);
        Add(DiagnosticIds.InstanceFieldWritten, origin, at, $"writes field '{field.Name}' of {OwnerWords(origin, instance)}", field.Name, OwnerWords(origin, instance));
    }

    private static string OwnerWords(Origin origin, IOperation instance) =>
        instance is IInstanceReferenceOperation ? "its own object" : origin.Description;

    private void WriteProperty(IPropertyReferenceOperation reference, IOperation at)
    {
        var property = reference.Property;
        if (IsPerThread(property.ContainingType))
        {
            return;
        }

        if (property.IsIndexer)
        {
            if (IsSource(property) && property.SetMethod is { } indexerSetter)
            {
                CallSummary(indexerSetter, reference.Instance, reference.Arguments, at);
                return;
            }

            WriteIndexer(reference, at);
            return;
        }

        if (property.IsStatic)
        {
            if (!IsSource(property))
            {
                return;
            }

            if (IsAutoProperty(property))
            {
                var name = property.ContainingType.Name + "." + property.Name;
                Add(DiagnosticIds.StaticMemberWritten, new Origin(OriginKind.Static, $"static property '{name}'"), at, $"writes static property '{name}'", "property", name);
            }
            else if (property.SetMethod is { } setter)
            {
                CallSummary(setter, null, ImmutableArray<IArgumentOperation>.Empty, at);
            }

            return;
        }

        var instance = Unwrap(reference.Instance);
        if (instance is null)
        {
            return;
        }

        if (IsSource(property))
        {
            if (IsAutoProperty(property))
            {
                var origin = Classify(instance);
                Add(DiagnosticIds.InstanceFieldWritten, origin, at, $"writes property '{property.Name}' of {OwnerWords(origin, instance)}", property.Name, OwnerWords(origin, instance));
            }
            else if (property.SetMethod is { } setter)
            {
                CallSummary(setter, instance, ImmutableArray<IArgumentOperation>.Empty, at);
            }
        }
        else if (Known.IsMutableCollection(instance.Type))
        {
            var origin = Classify(instance);
            var member = Text(reference);
            Add(DiagnosticIds.SharedCollectionMutated, origin, at, $"sets '{member}' on {origin.Description}", origin.Description, member + " =", Display(instance.Type));
        }
    }

    private void WriteIndexer(IPropertyReferenceOperation reference, IOperation at)
    {
        var instance = Unwrap(reference.Instance);
        if (instance is null)
        {
            return;
        }

        var member = Text(reference);
        if (Known.IsConcurrentCollection(instance.Type))
        {
            var readsBack = at is ICompoundAssignmentOperation or IIncrementOrDecrementOperation or ICoalesceAssignmentOperation
                || (at is ISimpleAssignmentOperation simple && ReadsIndexerOf(simple.Value, instance));
            if (readsBack)
            {
                var origin = Classify(instance);
                Add(DiagnosticIds.CheckThenAct, origin, at, $"reads and then changes {origin.Description}", origin.Description, member);
            }

            return;
        }

        if (!Known.IsMutableCollection(instance.Type))
        {
            return;
        }

        if (!Known.IsKeyed(instance.Type) && reference.Arguments.Length == 1
            && (IsLoopIndex(ImmutableArray.Create(reference.Arguments[0].Value)) || IsPerRunSlot(ImmutableArray.Create(reference.Arguments[0].Value))))
        {
            return;
        }

        var shared = Classify(instance);
        Add(DiagnosticIds.SharedCollectionMutated, shared, at, $"sets '{member}' on {shared.Description}", shared.Description, member + " =", Display(instance.Type));
    }

    private static bool ReadsIndexerOf(IOperation value, IOperation instance)
    {
        var key = ReferencedSymbol(instance);
        if (key is null)
        {
            return false;
        }

        foreach (var op in value.DescendantsAndSelf())
        {
            if (op is IPropertyReferenceOperation { Property.IsIndexer: true } read && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(read.Instance), key))
            {
                return true;
            }
        }

        return false;
    }

    private void Call(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        receiver = Unwrap(receiver);
        if (receiver is not null)
        {
            var type = receiver.Type;
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
            && !(scope.IsWorker && Known.IsParallelizable(method.OriginalDefinition)))
        {
            // A [Parallelizable] method is a worker itself and reports its own body; not again at each call.
            CallSummary(method, invocation.Instance, invocation.Arguments, invocation);
        }
    }

    private bool DeclaredInside(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == scope.Syntax.SyntaxTree && scope.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckThenAct(IConditionalOperation conditional)
    {
        foreach (var op in conditional.Condition.DescendantsAndSelf())
        {
            if (op is not IInvocationOperation check || !ThreadSafetyTable.ConcurrentChecks.Contains(check.TargetMethod.Name))
            {
                continue;
            }

            var receiver = Unwrap(check.Instance);
            if (receiver is null || !Known.IsConcurrentCollection(receiver.Type))
            {
                continue;
            }

            var key = ReferencedSymbol(receiver);
            if (check.Arguments.Length > 0 && IsOwnKey(check.Arguments[0].Value))
            {
                continue; // the work item's own key: no other work item checks or changes that entry
            }

            if (key is not null && (ActsOn(conditional.WhenTrue, key) || ActsOn(conditional.WhenFalse, key)))
            {
                var origin = Classify(receiver);
                Add(DiagnosticIds.CheckThenAct, origin, check, $"checks {origin.Description} and then changes it", origin.Description, check.TargetMethod.Name);
                return;
            }
        }
    }

    private static bool ActsOn(IOperation? branch, ISymbol key)
    {
        if (branch is null)
        {
            return false;
        }

        foreach (var op in branch.DescendantsAndSelf())
        {
            switch (op)
            {
                case IInvocationOperation act when ThreadSafetyTable.ConcurrentActs.Contains(act.TargetMethod.Name)
                    && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(act.Instance), key):
                    return true;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                    when SymbolEqualityComparer.Default.Equals(ReferencedSymbol(indexer.Instance), key) && IsWriteTarget(indexer):
                    return true;
            }
        }

        return false;
    }

    private static bool IsWriteTarget(IOperation operation) => operation.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == operation,
        IIncrementOrDecrementOperation => true,
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
        _ => false,
    };

    private void CallSummary(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IOperation at)
    {
        var summary = context.Summaries.Get(method, stack, depth);
        height = System.Math.Max(height, summary.Height + 1);
        if (!summary.Complete)
        {
            complete = false;
            cutDepth = System.Math.Min(cutDepth, summary.CutDepth);
        }

        foreach (var effect in summary.Effects)
        {
            var mapped = Map(effect.Origin, method, instance, arguments);
            if (mapped.IsNone)
            {
                continue;
            }

            var indexOrdinal = -1;
            if (effect.IndexOrdinal >= 0 && Argument(arguments, effect.IndexOrdinal) is { } indexArgument)
            {
                if (IsLoopIndex(ImmutableArray.Create(indexArgument)))
                {
                    continue; // the callee writes the element the work item's own index selects
                }

                indexOrdinal = IndexParameter(ImmutableArray.Create(indexArgument));
            }

            if (AddEffect(effect.Through(Display(method), mapped, at, indexOrdinal)) && scope.IsWorker)
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
                if (symbol is IParameterSymbol parameter && scope.Method is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, scope.Method))
                {
                    return scope.IsWorker ? Origin.None : new Origin(OriginKind.Parameter, $"parameter '{parameter.Name}'", parameter, parameter.Ordinal);
                }

                return scope.Declares(symbol) ? Origin.None : origin;
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
        if (effect.Origin.IsNone || (scope.IsWorker && effect.Origin.Kind == OriginKind.Parameter) || effects.Count >= MaxEffects
            || scope.LeftToWindows)
        {
            return false;
        }

        if (SyncRegions.IsGuarded(effect.Operation, Known, scope.Syntax))
        {
            return false;
        }

        effects.Add(effect);
        return true;
    }

    /// <summary>Where the object or variable that <paramref name="operation"/> reaches comes from.</summary>
    public Origin Classify(IOperation? operation, int aliasDepth = 0)
    {
        switch (Unwrap(operation))
        {
            case ILocalReferenceOperation local:
                if (!scope.Declares(local.Local))
                {
                    return new Origin(OriginKind.Captured, $"captured variable '{local.Local.Name}'", local.Local);
                }

                if (aliasDepth < 3 && local.Local.Type?.IsReferenceType == true && Initializer(local) is { } initializer)
                {
                    return Classify(initializer, aliasDepth + 1);
                }

                return Origin.None;
            case IParameterReferenceOperation parameter:
                if (scope.Method is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, scope.Method))
                {
                    return scope.IsWorker ? Origin.None : new Origin(OriginKind.Parameter, $"parameter '{parameter.Parameter.Name}'", parameter.Parameter, parameter.Parameter.Ordinal);
                }

                return scope.Declares(parameter.Parameter)
                    ? Origin.None
                    : new Origin(OriginKind.Captured, $"captured parameter '{parameter.Parameter.Name}'", parameter.Parameter);
            case IInstanceReferenceOperation instance:
                return instance.ReferenceKind == InstanceReferenceKind.ImplicitReceiver ? Origin.None : new Origin(OriginKind.This, "its own object");
            case IFieldReferenceOperation field:
                if (field.Field.IsStatic)
                {
                    return field.Field.IsConst || Known.IsThreadStatic(field.Field)
                        ? Origin.None
                        : new Origin(OriginKind.Static, $"static field '{field.Field.ContainingType.Name}.{field.Field.Name}'");
                }

                var owner = Classify(field.Instance, aliasDepth);
                return owner.IsNone ? owner : owner.WithDescription($"field '{field.Field.Name}'");
            case IPropertyReferenceOperation property:
                if (IsPerThread(property.Property.ContainingType))
                {
                    return Origin.None;
                }

                if (property.Property.IsStatic)
                {
                    return (property.Property.Name == "Shared" && KnownTypes.Is(property.Property.ContainingType, Known.Random)) || context.PerThread.IsPerThread(property.Property)
                        ? Origin.None
                        : new Origin(OriginKind.Static, $"static property '{property.Property.ContainingType.Name}.{property.Property.Name}'");
                }

                if (property.Property.IsIndexer && property.Arguments.Length == 1 && IsLoopIndex(ImmutableArray.Create(property.Arguments[0].Value)))
                {
                    return Origin.None;
                }

                var container = Classify(property.Instance, aliasDepth);
                return container.IsNone ? container : container.WithDescription(property.Property.IsIndexer ? $"an element of {container.Description}" : $"property '{property.Property.Name}'");
            case IArrayElementReferenceOperation element:
                if (IsLoopIndex(element.Indices))
                {
                    return Origin.None;
                }

                var array = Classify(element.ArrayReference, aliasDepth);
                return array.IsNone ? array : array.WithDescription($"an element of {array.Description}");
            default:
                return Origin.None;
        }
    }

    /// <summary>
    /// The initializer of a local declared in the scope, from a map of the scope's declarators built once per walk
    /// (asking the semantic model for the declarator would rebind the member on every call).
    /// </summary>
    private IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (initializers is null)
        {
            initializers = new Dictionary<ILocalSymbol, IOperation>(SymbolEqualityComparer.Default);
            foreach (var op in body!.DescendantsAndSelf())
            {
                if (op is IVariableDeclaratorOperation declarator && declarator.GetVariableInitializer()?.Value is { } value)
                {
                    initializers[declarator.Symbol] = value;
                }
            }
        }

        return initializers.TryGetValue(local.Local, out var initializer) ? initializer : null;
    }

    private bool IsPerThread(ITypeSymbol? type) => KnownTypes.Is(type, Known.ThreadLocal) || KnownTypes.Is(type, Known.AsyncLocal);

    /// <summary>
    /// For a run-once worker: the slot is its own. A constant index in a launch that is not repeated (the
    /// happens-before analysis compares the slots of concurrent workers), or an index held in a variable declared
    /// afresh in each round of the loop that repeats the launch (<c>int slot = w;</c>, a foreach variable).
    /// </summary>
    private bool IsPerRunSlot(ImmutableArray<IOperation> indices)
    {
        if (scope.Launch is not { } launch || indices.Length != 1)
        {
            return false;
        }

        var index = Unwrap(indices[0]);
        if (index is null)
        {
            return false;
        }

        if (index.ConstantValue.HasValue)
        {
            return launch.Loop is null;
        }

        if (launch.Loop is not { } loop || index is not ILocalReferenceOperation local || scope.Declares(local.Local))
        {
            return false;
        }

        if (loop is IForEachLoopOperation forEach && forEach.Locals.Contains(local.Local, SymbolEqualityComparer.Default))
        {
            return true;
        }

        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == loop.Body.Syntax.SyntaxTree && loop.Body.Syntax.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSource(ISymbol symbol)
    {
        var definition = symbol.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, context.Compilation.Assembly)
            && !definition.DeclaringSyntaxReferences.IsEmpty;
    }

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    internal static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    internal static ISymbol? ReferencedSymbol(IOperation? operation) => Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        _ => null,
    };

    internal static string Display(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor => "new " + method.ContainingType.Name,
        MethodKind.PropertyGet or MethodKind.PropertySet => method.ContainingType.Name + "." + method.AssociatedSymbol?.Name,
        MethodKind.LocalFunction => method.Name,
        _ => method.ContainingType.Name + "." + method.Name,
    };

    internal static string Display(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";

    private static string Text(IOperation operation)
    {
        var text = operation.Syntax.ToString();
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
