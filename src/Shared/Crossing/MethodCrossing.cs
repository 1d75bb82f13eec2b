using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Crossing;

/// <summary>Whether a <c>[Parallelizable]</c> method can run in a worker process, and if not, why.</summary>
internal static class MethodCrossing
{
    /// <summary>
    /// Why <paramref name="method"/> cannot run in another process — a generic method or type, a type the
    /// generated registry cannot reach, or a parameter, result or instance that cannot cross — or
    /// <see langword="null"/> when it can. A trailing <c>CancellationToken</c> does not cross: the worker passes its own.
    /// </summary>
    public static string? Explain(IMethodSymbol method, CrossingContext context)
    {
        if (method.IsGenericMethod)
        {
            return "it is generic: a worker process cannot know its type arguments; make a non-generic method for each type it is sent with";
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
            {
                return "its type '" + CrossingRule.Display(type) + "' is generic: a worker process cannot know the type arguments; move it to a non-generic type";
            }

            if (type.IsFileLocal || type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return "its type '" + CrossingRule.Display(type) + "' is private or protected, so the assembly's generated registry cannot reach it; make it internal or public";
            }
        }

        var parameters = method.Parameters;
        var count = parameters.Length;
        if (count > 0 && IsCancellationToken(parameters[count - 1].Type))
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            if (CrossingRule.Explain(parameters[i].Type, context) is { } reason)
            {
                return "parameter '" + parameters[i].Name + "': " + reason;
            }
        }

        if (ResultType(method) is { } result && CrossingRule.Explain(result, context) is { } resultReason)
        {
            return "its result: " + resultReason;
        }

        if (!method.IsStatic && CrossingRule.Explain(method.ContainingType, context) is { } instanceReason)
        {
            return "its instance, which is copied to the worker: " + instanceReason;
        }

        return null;
    }

    /// <summary>The whole sentence a process pool throws and the registry records: the method, then <paramref name="reason"/>.</summary>
    public static string Sentence(IMethodSymbol method, string reason) =>
        "'" + Name(method) + "' cannot run in a worker process: " + reason + ".";

    /// <summary>The method as messages name it: its type and name.</summary>
    public static string Name(IMethodSymbol method) => CrossingRule.Display(method.ContainingType) + "." + method.Name;

    /// <summary>The value the method produces: <c>T</c> of <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c>, nothing for <c>void</c>, <c>Task</c>, <c>ValueTask</c>.</summary>
    public static ITypeSymbol? ResultType(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return null;
        }

        if (method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } task)
        {
            return task.TypeArguments.Length == 1 ? task.TypeArguments[0] : null;
        }

        return method.ReturnType;
    }

    /// <summary>Whether <paramref name="type"/> is <c>System.Threading.CancellationToken</c>.</summary>
    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
