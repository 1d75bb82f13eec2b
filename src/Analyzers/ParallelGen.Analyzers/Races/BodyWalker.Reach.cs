using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// Reach (issue 13, point 3): code a worker runs without a visible call of a method — a delegate held in a variable
/// or field, user-defined operators, property getters and indexer setters of the compilation, Dispose at the end of a
/// <c>using</c>.
/// </summary>
internal sealed partial class BodyWalker
{
    /// <summary>The implicit calls an operation makes, summarized like ordinary calls.</summary>
    private void ImplicitCalls(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation { OperatorMethod: { } method } when IsSource(method):
                CallSummary(method, null, ImmutableArray<IArgumentOperation>.Empty, operation);
                break;
            case IUnaryOperation { OperatorMethod: { } method } when IsSource(method):
                CallSummary(method, null, ImmutableArray<IArgumentOperation>.Empty, operation);
                break;
            case IPropertyReferenceOperation read when !IsWriteTarget(read) && read.Parent is not ICompoundAssignmentOperation
                && IsSource(read.Property) && read.Property.GetMethod is { } getter && !IsAutoProperty(read.Property):
                CallSummary(getter, read.Instance, read.Arguments, read);
                break;
            case IDeconstructionAssignmentOperation { Value.Type: INamedTypeSymbol { IsTupleType: false } type, Syntax: AssignmentExpressionSyntax syntax } deconstruction when IsSource(type):
                // var (a, b) = pair: calls pair.Deconstruct(out a, out b)
                if (_context.Summaries.Model(syntax.SyntaxTree).GetDeconstructionInfo(syntax).Method is { } deconstruct && IsSource(deconstruct))
                {
                    CallSummary(deconstruct, deconstruct.IsStatic ? null : deconstruction.Value, ImmutableArray<IArgumentOperation>.Empty, operation);
                }

                break;
            case IUsingOperation { Resources: { } resources } @using:
                Dispose(resources, @using);
                break;
            case IUsingDeclarationOperation { DeclarationGroup: { } group } declaration:
                Dispose(group, declaration);
                break;
        }
    }

    private void Dispose(IOperation resources, IOperation at)
    {
        foreach (var op in resources.DescendantsAndSelf())
        {
            var type = op switch
            {
                IVariableDeclaratorOperation declarator => declarator.Symbol.Type,
                _ when op == resources && op.Type is not null => op.Type,
                _ => null,
            };

            if (type is null || !IsSource(type))
            {
                continue;
            }

            foreach (var member in type.GetMembers("Dispose"))
            {
                if (member is IMethodSymbol { Parameters.Length: 0 } dispose && IsSource(dispose))
                {
                    CallSummary(dispose, null, ImmutableArray<IArgumentOperation>.Empty, at);
                }
            }
        }
    }

    /// <summary>
    /// The lambda or anonymous method a delegate variable or field is initialized with, so invoking the delegate in a
    /// worker is summarized like a call of it; null when the delegate comes from elsewhere.
    /// </summary>
    private IMethodSymbol? DelegateTarget(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.MethodKind != MethodKind.DelegateInvoke
            || ReferencedSymbol(invocation.Instance) is not ({ } symbol and (ILocalSymbol or IFieldSymbol)))
        {
            return null;
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_context.CancellationToken) is VariableDeclaratorSyntax { Initializer.Value: AnonymousFunctionExpressionSyntax lambda }
                && _context.Operation(_context.Summaries.Model(lambda.SyntaxTree), lambda) is IAnonymousFunctionOperation function)
            {
                return function.Symbol;
            }
        }

        return null;
    }
}
