using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Analyzers.AutoParallel;

namespace ParallelGen.CodeFixes.AutoParallel;

/// <summary>
/// The statement that replaces a matched loop: one call of the generated map wrapper over the loop's items (a value
/// tuple per item for several parameters, the trailing CancellationToken passed as the wrapper's own), then the
/// collecting step the loop made — <c>AddRange</c>, <c>CopyTo</c>, <c>Sum</c> or an in-order <c>Aggregate</c>, a
/// keyed store in input order — so the result keeps its type and contents.
/// </summary>
internal static class LoopRewriter
{
    /// <summary>The replacement of <paramref name="match"/>'s loop, and whether it uses <c>System.Linq</c> / <c>System</c>.</summary>
    public static (StatementSyntax Statement, bool UsesLinq, bool UsesSystem) Rewrite(LoopMatch match, string wrapper, SemanticModel model)
    {
        var (items, usesLinq, usesSystem) = Items(match, model);
        var callee = match.Call?.Expression is MemberAccessExpressionSyntax access ? access.Expression + "." + wrapper : wrapper;
        var token = match.TokenArgument is null ? string.Empty : ", cancellationToken: " + match.TokenArgument;
        var call = callee + "(" + items + token + ")";
        var result = match.Awaited ? "await " + call : call;
        var asReceiver = match.Awaited ? "(" + result + ")" : result;
        var target = match.Target?.ToString() ?? string.Empty;
        string text;
        switch (match.Kind)
        {
            case CollectKind.ListAdd:
                text = target + ".AddRange(" + result + ");";
                break;
            case CollectKind.ArrayStore:
                text = asReceiver + ".CopyTo(" + target + ", 0);";
                break;
            case CollectKind.Accumulate:
                usesLinq = true;
                var type = model.GetTypeInfo(match.Target!).Type?.SpecialType;
                text = type is SpecialType.System_Int32 or SpecialType.System_Int64
                    ? target + " += " + asReceiver + ".Sum();" // integer addition is associative: one sum, same total
                    : target + " = " + asReceiver + ".Aggregate(" + target + ", (total, item) => total + item);"; // same order of additions as the loop
                break;
            case CollectKind.DictionaryStore:
                usesLinq = true;
                var name = FreeName(model, match.Loop.SpanStart, "result");
                var indent = Indentation(match.Loop);
                var eol = EndOfLine(match.Loop);
                text = "foreach (var (" + match.LoopVariable.Name + ", " + name + ") in " + Primary(match.Collection!) + ".Zip(" + result + "))" + eol
                    + indent + "{" + eol
                    + indent + "    " + target + "[" + match.Key + "] = " + name + ";" + eol
                    + indent + "}";
                break;
            default:
                text = result + ";";
                break;
        }

        var statement = SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(match.Loop.GetLeadingTrivia())
            .WithTrailingTrivia(match.Loop.GetTrailingTrivia());
        return (statement, usesLinq, usesSystem);
    }

    /// <summary>The wrapper's items: the collection itself, or a projection of each item to the call's arguments.</summary>
    private static (string Items, bool UsesLinq, bool UsesSystem) Items(LoopMatch match, SemanticModel model)
    {
        var variable = match.LoopVariable.Name;
        var arguments = match.ItemArguments;
        var projection = arguments.Length == 1 ? arguments[0].ToString() : "(" + string.Join(", ", arguments.Select(a => a.ToString())) + ")";
        var isVariable = arguments.Length == 1 && arguments[0] is IdentifierNameSyntax id && id.Identifier.ValueText == variable;

        if (!match.IsFor)
        {
            return isVariable
                ? (match.Collection!.ToString(), false, false)
                : (Primary(match.Collection!) + ".Select(" + variable + " => " + projection + ")", true, false);
        }

        var count = match.Count!;
        if (IndexesOwner(match, model) is { } owner)
        {
            return (owner, false, false); // for (i < xs.Length) F(xs[i]): the items are xs
        }

        var nonNegative = count is LiteralExpressionSyntax or MemberAccessExpressionSyntax;
        var range = nonNegative
            ? "Enumerable.Range(0, " + count + ")"
            : "Enumerable.Range(0, Math.Max(0, " + count + "))"; // the loop runs no time for a negative bound; Range would throw
        return isVariable
            ? (range, true, !nonNegative)
            : (range + ".Select(" + variable + " => " + projection + ")", true, !nonNegative);
    }

    /// <summary><c>xs</c> when the loop is <c>for (i = 0; i &lt; xs.Length or xs.Count; i++)</c> over an array, list or string and the only argument is <c>xs[i]</c>.</summary>
    private static string? IndexesOwner(LoopMatch match, SemanticModel model)
    {
        if (match.Count is not MemberAccessExpressionSyntax { Expression: var owner } || match.ItemArguments.Length != 1
            || match.ItemArguments[0] is not ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } index } element
            || index[0].Expression is not IdentifierNameSyntax i || i.Identifier.ValueText != match.LoopVariable.Name
            || !SyntaxFactory.AreEquivalent(element.Expression, owner))
        {
            return null;
        }

        var type = model.GetTypeInfo(owner).Type;
        var enumeratesInOrder = type is IArrayTypeSymbol { Rank: 1 } || type?.SpecialType == SpecialType.System_String
            || type is INamedTypeSymbol { Name: "List", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };
        return enumeratesInOrder ? owner.ToString() : null;
    }

    /// <summary><paramref name="expression"/>'s text, in parentheses unless it can take a member access as it is.</summary>
    private static string Primary(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or ThisExpressionSyntax or ObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax => expression.ToString(),
        _ => "(" + expression + ")",
    };

    /// <summary>A local name not visible at <paramref name="position"/>: <paramref name="stem"/>, then stem2, stem3...</summary>
    private static string FreeName(SemanticModel model, int position, string stem)
    {
        var taken = model.LookupSymbols(position).Select(s => s.Name).ToImmutableHashSet();
        var name = stem;
        for (var n = 2; taken.Contains(name); n++)
        {
            name = stem + n;
        }

        return name;
    }

    private static string Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : string.Empty;
    }

    /// <summary>The file's line ending, as its first line break has it.</summary>
    internal static string EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }
}
