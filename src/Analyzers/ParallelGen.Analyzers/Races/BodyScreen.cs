using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// A conservative syntactic screen for [Parallelizable] bodies: true unless the body provably touches only its own
/// locals and calls nothing that could write shared state. Binding a body again for analysis costs about as much as
/// compiling it, so bodies that pass the screen are not bound. "Provably" means: every write goes to a name declared in
/// the body (and not also the name of a member of the compilation), every call either has such a local receiver or
/// is not a collection mutator, a Random method, a concurrent check or the name of a source member, and every object
/// created is not of a source type. Anything else is bound and analyzed.
/// </summary>
internal sealed class BodyScreen
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, bool> _memberNames = new();
    private readonly ConcurrentDictionary<string, bool> _typeNames = new();

    public BodyScreen(Compilation compilation) => this._compilation = compilation;

    /// <summary>Whether <paramref name="method"/> may contain something the race rules report (so it must be bound).</summary>
    public bool NeedsAnalysis(MethodDeclarationSyntax method)
    {
        var locals = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in method.DescendantNodes())
        {
            switch (node)
            {
                case ParameterSyntax parameter:
                    locals.Add(parameter.Identifier.ValueText);
                    break;
                case VariableDeclaratorSyntax declarator:
                    // A local initialized from another name may alias shared state: not provably local.
                    if (declarator.Initializer?.Value is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax))
                    {
                        locals.Add(declarator.Identifier.ValueText);
                    }

                    break;
                case ForEachStatementSyntax forEach:
                    locals.Add(forEach.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    locals.Add(designation.Identifier.ValueText);
                    break;
                case CatchDeclarationSyntax catchDeclaration:
                    locals.Add(catchDeclaration.Identifier.ValueText);
                    break;
            }
        }

        foreach (var node in method.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when !IsLocal(assignment.Left, locals):
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix when !IsLocal(postfix.Operand, locals):
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix when !IsLocal(prefix.Operand, locals):
                case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword } argument when !IsLocal(argument.Expression, locals):
                    return true;
                case InvocationExpressionSyntax invocation when CallMayWrite(invocation, locals):
                    return true;
                case BaseObjectCreationExpressionSyntax creation when CreationMayWrite(creation):
                    return true;
            }
        }

        return false;
    }

    private bool IsLocal(ExpressionSyntax target, HashSet<string> locals) => target switch
    {
        IdentifierNameSyntax identifier => locals.Contains(identifier.Identifier.ValueText) && !IsMemberName(identifier.Identifier.ValueText),
        DeclarationExpressionSyntax => true,
        TupleExpressionSyntax tuple => AllLocal(tuple, locals),
        ElementAccessExpressionSyntax element => IsLocal(element.Expression, locals),
        _ => false,
    };

    private bool AllLocal(TupleExpressionSyntax tuple, HashSet<string> locals)
    {
        foreach (var argument in tuple.Arguments)
        {
            if (!IsLocal(argument.Expression, locals))
            {
                return false;
            }
        }

        return true;
    }

    private bool CallMayWrite(InvocationExpressionSyntax invocation, HashSet<string> locals)
    {
        var (name, receiver) = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (access.Name.Identifier.ValueText, access.Expression),
            MemberBindingExpressionSyntax binding => (binding.Name.Identifier.ValueText, (ExpressionSyntax?)null),
            SimpleNameSyntax simple => (simple.Identifier.ValueText, null),
            _ => (null, null),
        };

        if (name is null)
        {
            return true;
        }

        var localReceiver = receiver is not null && IsLocal(ChainRoot(receiver), locals);
        if (IsMemberName(name) && !(localReceiver && name is "ToString" or "Equals" or "GetHashCode"))
        {
            return true; // a method of this compilation: its summary may write shared state
        }

        return ThreadSafetyTable.ScreenTriggers.Contains(name) && !localReceiver;
    }

    /// <summary>The start of a fluent chain: <c>builder</c> in <c>builder.Append(a).Append(b)</c>.</summary>
    private static ExpressionSyntax ChainRoot(ExpressionSyntax expression)
    {
        for (var depth = 0; depth < 32 && expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }; depth++)
        {
            expression = access.Expression;
        }

        return expression;
    }

    private bool CreationMayWrite(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => TypeName(type) is not { } name || IsTypeName(name),
        _ => true, // target-typed new(): the type is unknown without binding
    };

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Whether a member of the compilation has this name (cached).</summary>
    public bool IsMemberName(string name) =>
        _memberNames.GetOrAdd(name, n => _compilation.ContainsSymbolsWithName(n, SymbolFilter.Member));

    private bool IsTypeName(string name) =>
        _typeNames.GetOrAdd(name, n => _compilation.ContainsSymbolsWithName(n, SymbolFilter.Type));
}
