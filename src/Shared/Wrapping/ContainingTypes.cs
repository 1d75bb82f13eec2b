using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ParallelGen.Shared.Wrapping;

/// <summary>Whether the wrappers can be added to the method's type: a partial class, struct or record (PG0001, PG0012).</summary>
internal static class ContainingTypes
{
    /// <summary>The first reason the containing types cannot take the wrappers, or <see langword="null"/>.</summary>
    public static WrapProblem? Problem(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var methodName = Wrappability.Display(method);
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var reason = type.TypeKind switch
            {
                TypeKind.Interface => "is declared in the interface '" + Wrappability.Display(type) + "'",
                TypeKind.Class or TypeKind.Struct when type.IsFileLocal => "is declared in the file-local type '" + Wrappability.Display(type) + "', which generated code in another file cannot extend",
                TypeKind.Class or TypeKind.Struct => null,
                _ => "is declared in '" + Wrappability.Display(type) + "', which is not a class, struct or record",
            };
            if (reason is not null)
            {
                return new WrapProblem(WrapRule.UnsupportedContainingType, WrapSite.MethodName, -1, methodName, reason, "move it into a partial class, struct or record");
            }
        }

        if (!method.IsStatic && method.ContainingType.IsRefLikeType)
        {
            var reason = "is an instance method of the ref struct '" + Wrappability.Display(method.ContainingType) + "', which a work item cannot hold";
            return new WrapProblem(WrapRule.UnsupportedContainingType, WrapSite.MethodName, -1, methodName, reason, "make it static and pass the values it needs");
        }

        var notPartial = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!IsPartial(type, cancellationToken))
            {
                notPartial.Add(type);
            }
        }

        if (notPartial.Count == 0)
        {
            return null;
        }

        notPartial.Reverse();
        var names = string.Join(" and ", notPartial.Select(static t => "'" + Wrappability.Display(t) + "'"));
        return new WrapProblem(WrapRule.ContainingTypeNotPartial, WrapSite.MethodName, -1, names, methodName);
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var references = type.DeclaringSyntaxReferences;
        if (references.Length != 1)
        {
            // Several declarations compile only when they are partial.
            return references.Length > 1;
        }

        return references[0].GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);
    }
}
