using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Crossing;

/// <summary>
/// The writes in a method body that a worker process keeps to itself: a static field or property, a field or property
/// of the instance (the worker runs on a copy), an element of an array or collection held in one of those, a mutating
/// call on such a collection, and such a member passed by <c>ref</c> (as <c>Interlocked.Increment(ref count)</c>).
/// </summary>
internal static class LostWrites
{
    private static readonly HashSet<string> s_mutatingMethods = new(System.StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Clear",
        "Push", "Pop", "Enqueue", "Dequeue", "TryAdd", "TryRemove", "TryDequeue", "TryPop", "TryTake", "AddOrUpdate", "GetOrAdd",
        "TryUpdate", "Append", "AppendLine", "Sort", "Reverse", "UnionWith", "ExceptWith", "IntersectWith", "SymmetricExceptWith", "Set",
    };

    /// <summary>Each lost write of <paramref name="body"/>: the operation and what it writes, for the message.</summary>
    public static IEnumerable<(IOperation Write, string What)> Find(IOperation body)
    {
        foreach (var operation in Descendants(body))
        {
            string? what = operation switch
            {
                IAssignmentOperation assignment => Written(assignment.Target),
                IIncrementOrDecrementOperation step => Written(step.Target),
                IInvocationOperation { Instance: { } instance } call when s_mutatingMethods.Contains(call.TargetMethod.Name) => Shared(instance) is { } shared ? "the collection " + shared : null,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => Written(argument.Value),
                _ => null,
            };

            if (what is not null)
            {
                yield return (operation, what);
            }
        }
    }

    private static IEnumerable<IOperation> Descendants(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in current.ChildOperations)
            {
                // A lambda's body runs wherever the lambda is invoked; keep to the method's own statements.
                if (child is not IAnonymousFunctionOperation and not ILocalFunctionOperation)
                {
                    stack.Push(child);
                }
            }
        }
    }

    private static string? Written(IOperation target) => target switch
    {
        IArrayElementReferenceOperation element => Shared(element.ArrayReference) is { } array ? "an element of " + array : null,
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } => Shared(instance) is { } collection ? "an element of " + collection : null,
        _ => Shared(target),
    };

    /// <summary>How a static member or a member of the instance reads in the message, or null for anything else.</summary>
    private static string? Shared(IOperation operation)
    {
        switch (ProcessPoolSends.Unwrap(operation))
        {
            case IFieldReferenceOperation { Field: { IsStatic: true, IsConst: false } field }:
                return "static field '" + field.ContainingType.Name + "." + field.Name + "'";
            case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                return "static property '" + property.ContainingType.Name + "." + property.Name + "'";
            case IFieldReferenceOperation { Field: { } field, Instance: IInstanceReferenceOperation }:
                return "field '" + field.Name + "' of the instance, which the worker has a copy of";
            case IPropertyReferenceOperation { Property: { IsIndexer: false } property, Instance: IInstanceReferenceOperation }:
                return "property '" + property.Name + "' of the instance, which the worker has a copy of";
            default:
                return null;
        }
    }
}
