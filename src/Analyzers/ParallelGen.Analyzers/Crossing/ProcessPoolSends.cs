using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ParallelGen.Analyzers.Crossing;

/// <summary>
/// Where a call site statically sends work to a process pool: the <c>executor:</c> argument of a wrapper, or the
/// <c>Executor</c> of a <c>new MapOptions { ... }</c> passed to it, whose static type is <c>ProcessPoolExecutor</c>.
/// </summary>
internal static class ProcessPoolSends
{
    /// <summary>The process pool's metadata name (the type is matched by name only).</summary>
    public const string ProcessPoolMetadataName = "ParallelGen.ProcessPoolExecutor";

    /// <summary>The expression that names the process pool in the wrapper call <paramref name="invocation"/>, or null.</summary>
    public static IOperation? PoolArgument(IInvocationOperation invocation, INamedTypeSymbol pool)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = Unwrap(argument.Value);
            if (IsPool(value, pool))
            {
                return value;
            }

            if ((Initializer(value, invocation) ?? value) is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Executor" } } assignment
                        && Unwrap(assignment.Value) is var executor
                        && IsPool(executor, pool))
                    {
                        return executor;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// For a local (<c>var options = new MapOptions { Executor = pool };</c>), the value it was declared with, in the
    /// same tree as the call; otherwise null.
    /// </summary>
    private static IOperation? Initializer(IOperation value, IOperation site)
    {
        if (value is not ILocalReferenceOperation { Local: { } local } || site.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree
                && reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && model.GetOperation(initializer) is { } operation)
            {
                return Unwrap(operation);
            }
        }

        return null;
    }

    /// <summary>Whether the static type of <paramref name="value"/> is the process pool (or derives from it).</summary>
    public static bool IsPool(IOperation value, INamedTypeSymbol pool)
    {
        for (var type = value.Type as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, pool))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value under implicit conversions.</summary>
    public static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
