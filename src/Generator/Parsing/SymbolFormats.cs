using Microsoft.CodeAnalysis;

namespace ParallelGen.Generator.Parsing;

/// <summary>The display formats the generator writes types with.</summary>
internal static class SymbolFormats
{
    /// <summary><c>global::</c>-qualified, with nullable reference annotations and escaped keywords.</summary>
    public static readonly SymbolDisplayFormat Type = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>As <see cref="Type"/> but without what does not tell overloads apart (nullability, tuple names).</summary>
    public static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>A type inside a <c>cref</c>: qualified, no nullable annotations, <c>Nullable&lt;T&gt;</c> spelled out.</summary>
    public static readonly SymbolDisplayFormat Cref = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandNullable);

    /// <summary>A namespace, keywords escaped, without <c>global::</c>.</summary>
    public static readonly SymbolDisplayFormat Namespace = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);
}
