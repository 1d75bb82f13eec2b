using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.CodeFixes;

/// <summary>Adds a using directive to a file when neither it nor an enclosing namespace has it.</summary>
internal static class Usings
{
    /// <summary>
    /// Returns <paramref name="root"/> with <c>using <paramref name="ns"/>;</c> among the file's usings (sorted in), unless
    /// the file already imports it.
    /// </summary>
    public static SyntaxNode Ensure(SyntaxNode root, string ns)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        var present = unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == ns);
        if (present)
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns))
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && usings[index].Alias is null && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0)
        {
            index++;
        }

        if (usings.Count == 0)
        {
            return unit.WithUsings(usings.Add(directive.WithTrailingTrivia(SyntaxFactory.LineFeed)));
        }

        var list = usings.ToList();
        directive = directive.WithTrailingTrivia(list[0].GetTrailingTrivia());
        if (index == 0)
        {
            // The new first directive takes over the file's leading trivia (header comments).
            directive = directive.WithLeadingTrivia(list[0].GetLeadingTrivia());
            list[0] = list[0].WithLeadingTrivia();
        }

        list.Insert(index, directive);
        return unit.WithUsings(SyntaxFactory.List(list));
    }
}
