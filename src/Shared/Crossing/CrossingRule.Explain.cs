using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Crossing;

/// <summary>Walks a type and its parts, and a method's parameters, result and instance, to the first part that cannot cross.</summary>
internal static partial class CrossingRule
{
    private static readonly SymbolDisplayFormat s_shortFormat = SymbolDisplayFormat.CSharpShortErrorMessageFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>
    /// Why a value of <paramref name="type"/> cannot cross, naming the part at fault and its type (e.g.
    /// <c>Job.Callback is Action: a delegate ...</c>), or <see langword="null"/> when it and all its parts can. A type
    /// that contains itself (a tree node) is refused: the generated serializers do not follow cycles.
    /// </summary>
    public static string? Explain(ITypeSymbol type, CrossingContext context)
    {
        if (context.Verdicts.TryGetValue(type, out var known))
        {
            return known;
        }

        var verdict = Walk(type, Display(type), context, new List<ITypeSymbol>());
        context.Verdicts.TryAdd(type, verdict);
        return verdict;
    }

    /// <summary>How a type reads in a message: short, with C# keywords.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(s_shortFormat);

    private static string? Walk(ITypeSymbol type, string path, CrossingContext context, List<ITypeSymbol> stack)
    {
        foreach (var open in stack)
        {
            if (SymbolEqualityComparer.Default.Equals(open, type))
            {
                return path + " is " + Display(type) + " again: a value that can contain itself is not serialized by the generated code; " + RegisterHint;
            }
        }

        var shape = Classify(type, context);
        switch (shape.Kind)
        {
            case WireKind.Refused:
                return (path == Display(type) ? path : path + " is " + Display(type)) + ": " + shape.Reason;
            case WireKind.Primitive or WireKind.Enum or WireKind.Custom:
                return null;
        }

        stack.Add(type);
        try
        {
            if (shape.Kind == WireKind.Object)
            {
                foreach (var member in shape.Members)
                {
                    if (Walk(member.Type, path + "." + member.Name, context, stack) is { } reason)
                    {
                        return reason;
                    }
                }

                return null;
            }

            for (var i = 0; i < shape.Elements.Length; i++)
            {
                var part = shape.Kind switch
                {
                    WireKind.Tuple => path + "." + shape.ElementNames[i],
                    WireKind.Dictionary => path + (i == 0 ? " key" : " value"),
                    WireKind.Nullable => path,
                    _ => path + " element",
                };
                if (Walk(shape.Elements[i], part, context, stack) is { } reason)
                {
                    return reason;
                }
            }

            return null;
        }
        finally
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
