using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ParallelGen.Generator.Helpers;
using ParallelGen.Generator.Models;
using ParallelGen.Shared;
using ParallelGen.Shared.Wrapping;

namespace ParallelGen.Generator.Parsing;

/// <summary>
/// Turns a method found by the attribute into a <see cref="MethodModel"/>, or <see langword="null"/> when the
/// shape cannot be wrapped. It reports nothing: the analyzers explain why a method was skipped.
/// </summary>
internal static class MethodModelFactory
{
    /// <summary>
    /// The containing-type chain of each type, computed once per type symbol: the methods of one type share it.
    /// Keys are held weakly, so a compilation's symbols are not kept alive; a new compilation has new symbols.
    /// </summary>
    private static readonly ConditionalWeakTable<INamedTypeSymbol, TypeContext> s_hierarchies = new();

    public static MethodModel? TryCreate(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        // The one rule shared with the usage analyzer decides; severities play no part.
        if (context.TargetSymbol is not IMethodSymbol method
            || context.Attributes.Length != 1
            || !Wrappability.Check(method, context.Attributes[0], problems: null, cancellationToken))
        {
            return null;
        }

        var type = method.ContainingType;
        var nameArgument = ParallelizableAttributes.NameArgument(context.Attributes[0]);
        var maxDegree = 0;
        var chunkSize = 0;
        foreach (var argument in context.Attributes[0].NamedArguments)
        {
            switch (argument.Key)
            {
                case ParallelizableNames.MaxDegreeOfParallelismArgument when argument.Value.Value is int degree:
                    maxDegree = degree;
                    break;
                case ParallelizableNames.ChunkSizeArgument when argument.Value.Value is int chunk:
                    chunkSize = chunk;
                    break;
            }
        }

        var prefix = WrapperPrefix.Of(method, nameArgument);
        cancellationToken.ThrowIfCancellationRequested();

        var parameters = method.Parameters;
        var passesToken = parameters.Length > 0 && SignatureShapes.IsCancellationToken(parameters[parameters.Length - 1].Type);
        var itemCount = passesToken ? parameters.Length - 1 : parameters.Length;
        var models = new ParameterModel[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            models[i] = CreateParameter(parameters[i], i + 1);
        }

        var (returnKind, resultType) = ClassifyReturn(method);
        var documentationId = method.GetDocumentationCommentId();
        if (documentationId is null || (returnKind == ReturnKind.Value && resultType is null))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var typeContext = s_hierarchies.GetValue(type, static t => CreateHierarchy(t));
        return new MethodModel(
            typeContext.Hierarchy,
            typeContext.ContainingType,
            Literals.Identifier(method.Name),
            prefix,
            AccessibilityText(method.DeclaredAccessibility),
            method.IsStatic,
            TypeParameterNames(method.TypeParameters),
            ConstraintClauses(method.TypeParameters),
            new EquatableArray<ParameterModel>(models),
            passesToken,
            returnKind,
            resultType,
            documentationId,
            Cref(method, documentationId),
            maxDegree,
            chunkSize,
            ObsoleteAttribute(method),
            context.TargetNode.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp10 });
    }

    private static EquatableArray<string> TypeParameterNames(ImmutableArray<ITypeParameterSymbol> typeParameters)
    {
        if (typeParameters.IsEmpty)
        {
            return EquatableArray<string>.Empty;
        }

        var names = new string[typeParameters.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Literals.Identifier(typeParameters[i].Name);
        }

        return new EquatableArray<string>(names);
    }

    private static EquatableArray<string> ConstraintClauses(ImmutableArray<ITypeParameterSymbol> typeParameters)
    {
        if (typeParameters.IsEmpty)
        {
            return EquatableArray<string>.Empty;
        }

        var clauses = new List<string>(typeParameters.Length);
        foreach (var typeParameter in typeParameters)
        {
            if (ConstraintClause(typeParameter) is { } clause)
            {
                clauses.Add(clause);
            }
        }

        return new EquatableArray<string>(clauses.ToArray());
    }

    private static ParameterModel CreateParameter(IParameterSymbol parameter, int position)
    {
        string? paramsElement = null;
        if (parameter.IsParams && parameter.Type is IArrayTypeSymbol { Rank: 1 } array)
        {
            paramsElement = TypeNames.Type(array.ElementType);
        }

        var type = TypeNames.Type(parameter.Type);
        return new ParameterModel(
            Literals.Identifier(parameter.Name),
            type,
            TypeNames.Signature(parameter.Type, type),
            Literals.IsValidTupleElementName(parameter.Name, position) ? Literals.Identifier(parameter.Name) : null,
            Literals.DefaultValue(parameter),
            paramsElement);
    }

    private static (ReturnKind Kind, string? ResultType) ClassifyReturn(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return (ReturnKind.Void, null);
        }

        var type = method.ReturnType;
        if (type is INamedTypeSymbol { ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } named
            && named.Name is "Task" or "ValueTask"
            && named.NullableAnnotation != NullableAnnotation.Annotated)
        {
            var isTask = named.Name == "Task";
            if (named.TypeArguments.Length == 0)
            {
                return (isTask ? ReturnKind.Task : ReturnKind.ValueTask, null);
            }

            if (named.TypeArguments.Length == 1)
            {
                return (isTask ? ReturnKind.TaskOfT : ReturnKind.ValueTaskOfT, TypeNames.Type(named.TypeArguments[0]));
            }
        }

        return (ReturnKind.Value, TypeNames.Type(type));
    }

    /// <summary>The containing-type chain, and the innermost type's <c>global::</c>-qualified name built from it.</summary>
    private static TypeContext CreateHierarchy(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Add(current);
        }

        chain.Reverse();
        var namespaces = new List<string>();
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            namespaces.Add(current.Name);
        }

        namespaces.Reverse();
        var ns = string.Join(".", namespaces.Select(Literals.Identifier));
        var metadataName = new StringBuilder();
        if (namespaces.Count > 0)
        {
            metadataName.Append(string.Join(".", namespaces)).Append('.');
        }

        metadataName.Append(string.Join("+", chain.Select(static t => t.MetadataName)));
        var containingType = "global::" + (ns.Length > 0 ? ns + "." : string.Empty) + string.Join(".", chain.Select(static t => NameWithTypeParameters(t)));
        var hierarchy = new HierarchyInfo(
            metadataName.Append(".g.cs").ToString(),
            ns,
            chain.Select(static t => new TypeDeclarationInfo(Declaration(t))).ToEquatableArray());
        return new TypeContext(hierarchy, containingType);
    }

    private static string NameWithTypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0
            ? TypeIdentifier(type.Name)
            : TypeIdentifier(type.Name) + "<" + string.Join(", ", type.TypeParameters.Select(static t => Literals.Identifier(t.Name))) + ">";

    /// <summary>
    /// A type's name as code: a contextual keyword such as <c>record</c> is escaped too, as the user had to write it
    /// to declare the type without a warning (CS8860).
    /// </summary>
    private static string TypeIdentifier(string name) =>
        SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : Literals.Identifier(name);

    private static string Declaration(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        if (type.IsStatic)
        {
            builder.Append("static ");
        }

        if (type.TypeKind == TypeKind.Struct && type.IsReadOnly)
        {
            builder.Append("readonly ");
        }

        if (type.TypeKind == TypeKind.Struct && type.IsRefLikeType)
        {
            builder.Append("ref ");
        }

        builder.Append("partial ");
        builder.Append((type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct ",
            (true, _) => "record ",
            (false, TypeKind.Struct) => "struct ",
            _ => "class ",
        });
        return builder.Append(NameWithTypeParameters(type)).ToString();
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static string? ConstraintClause(ITypeParameterSymbol parameter)
    {
        var parts = new List<string>();
        if (parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("unmanaged");
        }
        else if (parameter.HasValueTypeConstraint)
        {
            parts.Add("struct");
        }
        else if (parameter.HasReferenceTypeConstraint)
        {
            parts.Add(parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
        }
        else if (parameter.HasNotNullConstraint)
        {
            parts.Add("notnull");
        }

        foreach (var constraint in parameter.ConstraintTypes)
        {
            parts.Add(constraint.ToDisplayString(SymbolFormats.Type));
        }

        if (parameter.HasConstructorConstraint && !parameter.HasValueTypeConstraint && !parameter.HasUnmanagedTypeConstraint)
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? null : "where " + Literals.Identifier(parameter.Name) + " : " + string.Join(", ", parts);
    }

    private static string Cref(IMethodSymbol method, string documentationId)
    {
        foreach (var parameter in method.Parameters)
        {
            if (!IsCrefFriendly(parameter.Type))
            {
                return documentationId;
            }
        }

        var builder = new StringBuilder(Literals.Identifier(method.Name), 64);
        if (method.TypeParameters.Length > 0)
        {
            builder.Append('{');
            for (var i = 0; i < method.TypeParameters.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(Literals.Identifier(method.TypeParameters[i].Name));
            }

            builder.Append('}');
        }

        builder.Append('(');
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(TypeNames.Cref(method.Parameters[i].Type));
        }

        return builder.Append(')').ToString();
    }

    /// <summary>Whether C# <c>cref</c> syntax can spell the type (tuples and <c>dynamic</c> cannot).</summary>
    private static bool IsCrefFriendly(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsCrefFriendly(array.ElementType),
        INamedTypeSymbol { IsTupleType: true } => false,
        INamedTypeSymbol named => named.TypeArguments.All(IsCrefFriendly) && (named.ContainingType is null || IsCrefFriendly(named.ContainingType)),
        ITypeParameterSymbol => true,
        _ => type.TypeKind != TypeKind.Dynamic,
    };

    /// <summary>A type's <see cref="HierarchyInfo"/> and <c>global::</c>-qualified name (held by <see cref="s_hierarchies"/>).</summary>
    private sealed class TypeContext(HierarchyInfo hierarchy, string containingType)
    {
        public HierarchyInfo Hierarchy { get; } = hierarchy;

        public string ContainingType { get; } = containingType;
    }

    private static string? ObsoleteAttribute(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string message
                    ? "[global::System.Obsolete(" + Literals.String(message) + ")]"
                    : "[global::System.Obsolete]";
            }
        }

        return null;
    }
}
