using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// The shared variable (a field or a captured local) behind a reported receiver, with its one declarator and every use —
/// all in the fixed document, or the fix is not offered (it could not keep other files compiling).
/// </summary>
internal sealed class SharedVariable
{
    private SharedVariable(ISymbol symbol, ITypeSymbol type, VariableDeclaratorSyntax declarator, IReadOnlyList<ExpressionSyntax> uses)
    {
        Symbol = symbol;
        Type = type;
        Declarator = declarator;
        Uses = uses;
    }

    /// <summary>The field or local.</summary>
    public ISymbol Symbol { get; }

    /// <summary>Its declared type.</summary>
    public ITypeSymbol Type { get; }

    /// <summary>Its declarator (the only one of its declaration).</summary>
    public VariableDeclaratorSyntax Declarator { get; }

    /// <summary>The declaration holding <see cref="Declarator"/>.</summary>
    public VariableDeclarationSyntax Declaration => (VariableDeclarationSyntax)Declarator.Parent!;

    /// <summary>
    /// Every use, as the whole expression naming the variable: <c>items</c>, or <c>this.items</c> / <c>Owner.items</c>.
    /// </summary>
    public IReadOnlyList<ExpressionSyntax> Uses { get; }

    /// <summary>The receiver of the member access or element access at the reported node, if any.</summary>
    public static ExpressionSyntax? FindReceiver(SyntaxNode node)
    {
        // The reported span is the call or the assignment itself (look inside it first), or a part of it.
        foreach (var n in node.DescendantNodesAndSelf())
        {
            switch (n)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    return access.Expression;
                case ElementAccessExpressionSyntax element:
                    return element.Expression;
            }
        }

        foreach (var n in node.AncestorsAndSelf())
        {
            switch (n)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    return access.Expression;
                case ElementAccessExpressionSyntax element:
                    return element.Expression;
                case MemberAccessExpressionSyntax access when n.Parent is not MemberAccessExpressionSyntax:
                    return access.Expression;
                case StatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>Resolves the variable that <paramref name="receiver"/> names, if it qualifies.</summary>
    public static async Task<SharedVariable?> ResolveAsync(Document document, SemanticModel model, ExpressionSyntax receiver, CancellationToken ct)
    {
        var symbol = model.GetSymbolInfo(receiver, ct).Symbol;
        var type = symbol switch
        {
            IFieldSymbol { IsConst: false } f => f.Type,
            ILocalSymbol { RefKind: RefKind.None } l => l.Type,
            _ => null,
        };
        if (symbol is null || type is null || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var reference = symbol.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != model.SyntaxTree
            || await reference.GetSyntaxAsync(ct).ConfigureAwait(false) is not VariableDeclaratorSyntax declarator
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 })
        {
            return null;
        }

        var root = await model.SyntaxTree.GetRootAsync(ct).ConfigureAwait(false);
        var uses = new List<ExpressionSyntax>();
        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, ct).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            if (location.Document.Id != document.Id)
            {
                return null;
            }

            if (root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name)
            {
                return null;
            }

            uses.Add(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name);
        }

        return new SharedVariable(symbol, type, declarator, uses);
    }

    /// <summary>The member access a use is the receiver of (<c>items.Add</c>), if any.</summary>
    public static MemberAccessExpressionSyntax? AccessedMember(ExpressionSyntax use) =>
        use.Parent is MemberAccessExpressionSyntax access && access.Expression == use ? access : null;
}
