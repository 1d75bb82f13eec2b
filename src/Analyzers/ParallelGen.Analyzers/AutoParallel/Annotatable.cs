using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.AutoParallel;

/// <summary>
/// Whether a method of the compilation can be given <c>[Parallelizable]</c> by PG0201's fix with nothing else to change:
/// an ordinary, non-generic method with a body in a class, record or struct (static methods only in a struct) declared
/// in source, whose parameters and return a work item can carry (the usage rules PG0002/PG0003 would stay silent), whose
/// wrapper names are free (PG0004) and which has no overload the wrappers would mix up.
/// </summary>
internal static class Annotatable
{
    /// <summary>The wrappers' prefix <paramref name="method"/> would get, or null when it cannot be annotated.</summary>
    public static string? Prefix(IMethodSymbol method, Compilation compilation, INamedTypeSymbol? asyncEnumerable, CancellationToken cancellationToken)
    {
        if (method is not { MethodKind: MethodKind.Ordinary, IsGenericMethod: false, IsExtensionMethod: false, IsAbstract: false, IsExtern: false, IsImplicitlyDeclared: false, PartialDefinitionPart: null, PartialImplementationPart: null }
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type
            || (type.IsValueType && !method.IsStatic)
            || method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax { } declaration
            || (declaration.Body is null && declaration.ExpressionBody is null)
            || type.GetMembers(method.Name).Length != 1)
        {
            return null;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams || parameter.Type.IsRefLikeType || parameter.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
            {
                return null;
            }
        }

        var returnType = method.ReturnType;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || returnType.IsRefLikeType || returnType is IPointerTypeSymbol or IFunctionPointerTypeSymbol
            || (method.IsAsync && method.ReturnsVoid)
            || (asyncEnumerable is not null && SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, asyncEnumerable)))
        {
            return null;
        }

        // Every declaration of the type and of its enclosing types must be in source, so that 'partial' can be added.
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaringSyntaxReferences.IsEmpty || t.IsImplicitlyDeclared
                || t.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is not TypeDeclarationSyntax { RawKind: not (int)SyntaxKind.InterfaceDeclaration }))
            {
                return null;
            }
        }

        var prefix = WrapperPrefix.Of(method, null);
        foreach (var suffix in ParallelizableNames.WrapperSuffixes)
        {
            if (!type.GetMembers(prefix + suffix).IsEmpty)
            {
                return null;
            }
        }

        return prefix;
    }

    /// <summary>
    /// The name of the static method PG0201's fix would extract <paramref name="match"/>'s expression into
    /// (<c>Compute</c> and the collection's name: <c>ComputeScores</c>), or null when the type that holds the loop cannot
    /// take it: not a class, struct or record declared in source (top-level statements have no type to add to), or
    /// no free name.
    /// </summary>
    public static string? ExtractionName(LoopMatch match, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetEnclosingSymbol(match.Loop.SpanStart, cancellationToken) is not { } symbol)
        {
            return null;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is not { TypeKind: TypeKind.Class or TypeKind.Struct } || type.IsImplicitlyDeclared
            || match.Loop.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } holder
            || !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(holder, cancellationToken), type))
        {
            return null;
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaringSyntaxReferences.IsEmpty || t.IsImplicitlyDeclared
                || t.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is not TypeDeclarationSyntax { RawKind: not (int)SyntaxKind.InterfaceDeclaration }))
            {
                return null;
            }
        }

        var stem = "Compute" + Pascal(match.TargetSymbol?.Name ?? match.LoopVariable.Name);
        for (var n = 1; n < 100; n++)
        {
            var name = n == 1 ? stem : stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (type.MemberNames.Contains(name) || ParallelizableNames.WrapperSuffixes.Any(s => type.MemberNames.Contains(name + s))
                || !model.LookupSymbols(match.Loop.SpanStart, name: name).IsEmpty
                || !model.LookupSymbols(match.Loop.SpanStart, name: name + ParallelizableNames.Map).IsEmpty)
            {
                continue;
            }

            return name;
        }

        return null;
    }

    private static string Pascal(string name)
    {
        name = name.TrimStart('_');
        return name.Length == 0 ? "Item" : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
