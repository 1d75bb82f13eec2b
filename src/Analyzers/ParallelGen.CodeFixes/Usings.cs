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
        while (index < usings.Count && usings[index].Alias is null && Compare(usings[index].Name?.ToString() ?? string.Empty, ns) < 0)
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

    /// <summary>System namespaces first, then ordinal order (the .NET convention).</summary>
    private static int Compare(string a, string b)
    {
        var systemA = a == "System" || a.StartsWith("System.", System.StringComparison.Ordinal);
        var systemB = b == "System" || b.StartsWith("System.", System.StringComparison.Ordinal);
        return systemA != systemB ? (systemA ? -1 : 1) : string.CompareOrdinal(a, b);
    }
}
