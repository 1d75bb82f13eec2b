using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.CodeFixes.AutoParallel;

/// <summary>The declaration edits of PG0201's fix: <c>[Parallelizable]</c> on the method, <c>partial</c> on its types.</summary>
internal static class Declarations
{
    /// <summary>The attribute's name as written (with <c>using ParallelGen;</c>).</summary>
    public const string AttributeName = "Parallelizable";

    /// <summary><paramref name="method"/> with <c>[Parallelizable]</c> on a line of its own, first among its attributes.</summary>
    public static MethodDeclarationSyntax AddAttribute(MethodDeclarationSyntax method, string endOfLine)
    {
        var leading = method.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(AttributeName))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(endOfLine));
        var rest = method.WithLeadingTrivia(indentation);
        return rest.WithAttributeLists(rest.AttributeLists.Insert(0, attribute));
    }

    /// <summary><paramref name="type"/> with <c>partial</c> last among its modifiers (or first, taking the keyword's trivia).</summary>
    public static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        if (type.Modifiers.Count > 0)
        {
            return type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        var keyword = type.Keyword;
        var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return type.WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList())).WithModifiers(SyntaxFactory.TokenList(partial));
    }
}
