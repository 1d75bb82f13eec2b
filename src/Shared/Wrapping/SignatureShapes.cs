using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Shared.Wrapping;

/// <summary>The parameter and return shapes a work item can carry (PG0002, PG0003), and signatures still being typed.</summary>
internal static class SignatureShapes
{
    /// <summary>
    /// Whether the signature has compiler errors: a missing or unknown type, a missing name. The compiler reports those;
    /// the method gets no wrappers until they are fixed, and no usage rule adds to the noise.
    /// </summary>
    public static bool HasErrors(IMethodSymbol method)
    {
        if (!SyntaxFacts.IsValidIdentifier(method.Name) || HasErrors(method.ReturnType))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (!SyntaxFacts.IsValidIdentifier(parameter.Name) || HasErrors(parameter.Type))
            {
                return true;
            }
        }

        foreach (var typeParameter in method.TypeParameters)
        {
            if (!SyntaxFacts.IsValidIdentifier(typeParameter.Name))
            {
                return true;
            }

            foreach (var constraint in typeParameter.ConstraintTypes)
            {
                if (HasErrors(constraint))
                {
                    return true;
                }
            }
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.TypeKind == TypeKind.Error || !SyntaxFacts.IsValidIdentifier(type.Name))
            {
                return true;
            }

            foreach (var typeParameter in type.TypeParameters)
            {
                if (!SyntaxFacts.IsValidIdentifier(typeParameter.Name))
                {
                    return true;
                }
            }
        }

        for (var ns = method.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!SyntaxFacts.IsValidIdentifier(ns.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasErrors(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => HasErrors(array.ElementType),
        IPointerTypeSymbol pointer => HasErrors(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeKind == TypeKind.Error
            || AnyHasErrors(named.TypeArguments)
            || (named.ContainingType is { } outer && HasErrors(outer)),
        _ => type.TypeKind == TypeKind.Error,
    };

    private static bool AnyHasErrors(System.Collections.Immutable.ImmutableArray<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (HasErrors(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why a work item cannot carry the parameter (the words after "is" in PG0002), or <see langword="null"/>.</summary>
    public static string? ParameterProblem(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.None => TypeProblem(parameter.Type),
        RefKind.Ref => "passed by 'ref'",
        RefKind.Out => "an 'out' parameter",
        RefKind.In => "passed by 'in'",
        _ => "passed by reference",
    };

    /// <summary>Why the wrappers cannot carry the method's result, and what to do instead; or <see langword="null"/>.</summary>
    public static (string What, string Advice)? ReturnProblem(IMethodSymbol method)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return ("by reference", "return the value");
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return ("void from an async method", "return Task");
        }

        if (!method.ReturnsVoid && TypeProblem(method.ReturnType) is { } problem)
        {
            return (problem, "return an array or another ordinary type");
        }

        if (method.ReturnType is INamedTypeSymbol
            {
                Name: "IAsyncEnumerable",
                Arity: 1,
                ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
            })
        {
            return ("an IAsyncEnumerable<T>, a stream rather than one result", "return Task<T[]> or a list");
        }

        return null;
    }

    /// <summary>
    /// Why a value of the type cannot sit in a tuple, an array or a closure: a ref struct, or a pointer at any depth of
    /// arrays (wrappers are not unsafe code). Ref structs as type arguments (<c>Func&lt;Span&lt;int&gt;&gt;</c>) are fine.
    /// </summary>
    private static string? TypeProblem(ITypeSymbol type)
    {
        if (type.IsRefLikeType)
        {
            return "the ref struct '" + Wrappability.Display(type) + "'";
        }

        var depth = 0;
        while (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
            depth++;
        }

        var what = type switch
        {
            IPointerTypeSymbol => "a pointer",
            IFunctionPointerTypeSymbol => "a function pointer",
            _ => null,
        };
        return what is null || depth == 0 ? what : "an array of " + what.Substring(2) + "s";
    }

    /// <summary>Whether <paramref name="type"/> is <c>System.Threading.CancellationToken</c> (a trailing one is not part of an item).</summary>
    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
