using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks the values a pipeline step produced and reports any Roslyn object that would keep a compilation alive and
/// defeat caching: <see cref="ISymbol"/>, <see cref="SyntaxNode"/>, <see cref="Location"/>, <see cref="Compilation"/>,
/// <see cref="SemanticModel"/> (checked with <c>is</c>, so subclasses count).
/// </summary>
internal static class StepWalker
{
    public static IEnumerable<string> FindForbidden(object? value, string path)
    {
        var found = new List<string>();
        Walk(value, path, found, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> visited, int depth)
    {
        if (value is null || depth > 20)
        {
            return;
        }

        if (value is ISymbol or SyntaxNode or Location or Compilation or SemanticModel or SyntaxTree or SyntaxToken)
        {
            found.Add(path + ": " + value.GetType().FullName);
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable enumerable)
        {
            var index = 0;
            foreach (var item in enumerable)
            {
                Walk(item, path + "[" + index++ + "]", found, visited, depth + 1);
            }

            return;
        }

        var isTuple = value is ITuple;
        var isOurs = type.Assembly == typeof(ParallelGen.Generator.ParallelizableGenerator).Assembly;
        if (!isTuple && !isOurs)
        {
            // Some other type (e.g. from the BCL): it cannot hold what we look for unless it is one of the above.
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + field.Name, found, visited, depth + 1);
        }
    }
}
