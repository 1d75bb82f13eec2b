using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>Writes of captured variables, fields, properties and indexers.</summary>
internal sealed partial class BodyWalker
{
    private void CapturedWrite(ISymbol symbol, string kind, IOperation at)
    {
        if (_scope.SingleRunLauncher is { } launcher && !WorkerFinder.SharedAcrossRuns(symbol, launcher, _scope.Syntax) && !OutlivesLaunchingFunction(symbol, launcher))
        {
            return; // one run, nobody else touches it: the caller reads it after joining
        }

        var origin = new Origin(OriginKind.Captured, $"captured {kind} '{symbol.Name}'", symbol);
        Add(DiagnosticIds.CapturedVariableWritten, origin, at, $"writes captured {kind} '{symbol.Name}'", symbol.Name);
    }

    /// <summary>
    /// A fire-and-forget launch inside a local function or lambda writing a variable of the code around it: the
    /// function returns while the worker runs, and the outer code (which may call it again) uses the variable.
    /// </summary>
    private bool OutlivesLaunchingFunction(ISymbol symbol, IOperation launcher)
    {
        if (_scope.Launch is not { Join: null, JoinedByCall: false })
        {
            return false;
        }

        var function = Windows.LaunchFinder.Function(launcher);
        if (function is not (ILocalFunctionOperation or IAnonymousFunctionOperation))
        {
            return false;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == function.Syntax.SyntaxTree && function.Syntax.Span.Contains(reference.Span))
            {
                return false;
            }
        }

        return true;
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
}
