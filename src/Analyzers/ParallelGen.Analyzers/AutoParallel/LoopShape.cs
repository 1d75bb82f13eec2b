using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>
/// Recognises the loops that a generated map can replace: a <c>foreach</c>, or a <c>for (var i = 0; i &lt; n; i++)</c>,
/// whose body is one statement that calls one method per item and collects its result (<see cref="CollectKind"/>).
/// Only the shape is checked here (it is shared as source with the code fix, which must find the same parts); whether
/// the body is safe to run in parallel is decided by the analyzer. Anything else in the body — a second statement,
/// <c>break</c>, <c>return</c>, <c>yield</c>, <c>goto</c>, a <c>ref</c> local, a write the collecting statement does
/// not make — does not match.
/// </summary>
internal static partial class LoopShape
{
    /// <summary>The diagnostic property with the name of the wrapper the fix calls (<c>ResizeMap</c>, <c>FetchMapAsync</c>).</summary>
    public const string WrapperProperty = "Wrapper";

    /// <summary>The diagnostic property with the name of the method PG0201's fix extracts the per-item expression into.</summary>
    public const string ExtractProperty = "Extract";

    /// <summary>A cheap syntactic test, before any binding: one expression statement of a kind that can match.</summary>
    public static bool MayMatch(StatementSyntax loop) =>
        loop is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.None } or ForStatementSyntax
        && SingleStatement(loop) is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax };

    /// <summary>
    /// The parts of <paramref name="loop"/>, or null when it is not a loop a map can replace. The per-item value is read
    /// as a call of one method, unless <paramref name="extract"/> asks for it as an expression to extract (or it is no
    /// call at all).
    /// </summary>
    public static LoopMatch? Match(StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken, bool extract = false)
    {
        if (!MayMatch(loop))
        {
            return null;
        }

        ILocalSymbol? variable;
        ExpressionSyntax? collection = null;
        ExpressionSyntax? count = null;
        if (loop is ForEachStatementSyntax forEach)
        {
            variable = model.GetDeclaredSymbol(forEach, cancellationToken);
            var info = model.GetForEachStatementInfo(forEach);
            if (variable is null || info.ElementType is null || !info.ElementConversion.IsIdentity
                || !SymbolEqualityComparer.Default.Equals(info.ElementType, variable.Type)
                || !IsEnumerableOf(model, model.GetTypeInfo(forEach.Expression, cancellationToken).Type, info.ElementType))
            {
                return null;
            }

            collection = forEach.Expression;
        }
        else if (!MatchFor((ForStatementSyntax)loop, model, cancellationToken, out variable, out count))
        {
            return null;
        }

        var statement = ((ExpressionStatementSyntax)SingleStatement(loop)!).Expression;
        if (!MatchCollect(statement, model, variable!, collection is null, cancellationToken, out var kind, out var value, out var target, out var targetSymbol, out var key))
        {
            return null;
        }

        if (extract || !MatchCall(value!, model, cancellationToken, out var call, out var method, out var awaited, out var valueType))
        {
            return MatchExtraction(loop, variable!, collection, value!, kind, target, targetSymbol, key, model, cancellationToken);
        }

        if (!Collects(kind, targetSymbol, valueType, model, target, cancellationToken)
            || !SplitArguments(call!, method!, model, cancellationToken, out var items, out var token)
            || !items.Any(a => Mentions(a, variable!, model, cancellationToken))
            || !IsPlain(value!, call!)
            || !InvariantReceiver(call!, variable!, model, cancellationToken)
            || (token is not null && Mentions(token, variable!, model, cancellationToken))
            || (kind == CollectKind.DictionaryStore && !IsStable(collection!, model, cancellationToken))
            || (targetSymbol is not null && Mentions((SyntaxNode?)collection ?? count!, targetSymbol, model, cancellationToken)))
        {
            return null;
        }

        return new LoopMatch(loop, variable!, collection, count, call!, method!, awaited, value!, kind, target, targetSymbol, key, items, token);
    }

    /// <summary>The one statement of the loop's body, or null when it has more (or none).</summary>
    public static StatementSyntax? SingleStatement(StatementSyntax loop)
    {
        var body = loop switch
        {
            ForEachStatementSyntax forEach => forEach.Statement,
            ForStatementSyntax forLoop => forLoop.Statement,
            _ => null,
        };

        return body switch
        {
            BlockSyntax { Statements.Count: 1 } block => block.Statements[0],
            BlockSyntax => null,
            _ => body,
        };
    }

    /// <summary>Whether <paramref name="expression"/> refers to <paramref name="symbol"/>.</summary>
    public static bool Mentions(SyntaxNode expression, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == symbol.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, symbol.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>for (int i = 0; i &lt; count; i++)</c> with a count that the body cannot change.</summary>
    private static bool MatchFor(ForStatementSyntax loop, SemanticModel model, CancellationToken cancellationToken, out ILocalSymbol? variable, out ExpressionSyntax? count)
    {
        variable = null;
        count = null;
        if (loop.Declaration is not { Variables: { Count: 1 } variables } || loop.Initializers.Count != 0
            || variables[0].Initializer?.Value is not LiteralExpressionSyntax { Token.ValueText: "0" }
            || loop.Condition is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax left } condition
            || left.Identifier.ValueText != variables[0].Identifier.ValueText
            || loop.Incrementors.Count != 1 || !Increments(loop.Incrementors[0], variables[0].Identifier.ValueText))
        {
            return false;
        }

        // The bound's shape is syntax: checked before any binding.
        var bound = condition.Right;
        var invariant = bound switch
        {
            LiteralExpressionSyntax => true,
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" or "Count", Expression: var owner } => IsStorage(owner),
            _ => false,
        };

        if (!invariant
            || model.GetDeclaredSymbol(variables[0], cancellationToken) is not ILocalSymbol local
            || local.Type.SpecialType != SpecialType.System_Int32
            || model.GetTypeInfo(bound, cancellationToken).Type?.SpecialType != SpecialType.System_Int32
            || model.GetSymbolInfo(bound is MemberAccessExpressionSyntax access ? access.Expression : bound, cancellationToken).Symbol is IMethodSymbol)
        {
            return false;
        }

        variable = local;
        count = bound;
        return true;
    }

    private static bool Increments(ExpressionSyntax incrementor, string name) => incrementor switch
    {
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: IdentifierNameSyntax id } => id.Identifier.ValueText == name,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: IdentifierNameSyntax id } => id.Identifier.ValueText == name,
        AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: IdentifierNameSyntax id, Right: LiteralExpressionSyntax { Token.ValueText: "1" } } => id.Identifier.ValueText == name,
        _ => false,
    };

    /// <summary>A name, <c>this.name</c> or a dotted chain of names: storage the loop reaches the same way on every item.</summary>
    private static bool IsStorage(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax => true,
        MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax, Expression: var owner } =>
            owner is ThisExpressionSyntax || IsStorage(owner),
        _ => false,
    };

    private static bool IsEnumerableOf(SemanticModel model, ITypeSymbol? type, ITypeSymbol element)
    {
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return Same(array.ElementType, element);
        }

        var enumerable = model.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        if (type is null || type.IsRefLikeType)
        {
            return false;
        }

        return (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, enumerable) && Same(named.TypeArguments[0], element))
            || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, enumerable) && Same(i.TypeArguments[0], element));
    }

    private static bool IsGeneric(ITypeSymbol type, string name, int arity) =>
        type is INamedTypeSymbol { Arity: var a, Name: var n, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
        && a == arity && n == name;

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool Same(ITypeSymbol? a, ITypeSymbol? b) => a is not null && SymbolEqualityComparer.Default.Equals(a, b);
}
