using Microsoft.CodeAnalysis;

namespace ParallelGen.Generator.Parsing;

/// <summary>
/// Type names as the generator writes them. Keyword types (most parameters) are spelled directly, which is much
/// cheaper than <see cref="ISymbol.ToDisplayString(SymbolDisplayFormat)"/>; every other type goes through the formats.
/// </summary>
internal static class TypeNames
{
    /// <summary>The type with <c>global::</c> and nullable annotations (<see cref="SymbolFormats.Type"/>).</summary>
    public static string Type(ITypeSymbol type) =>
        Keyword(type) is { } keyword
            ? (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated ? keyword + "?" : keyword)
            : type is ITypeParameterSymbol typeParameter
                ? Literals.Identifier(typeParameter.Name) + (typeParameter.NullableAnnotation == NullableAnnotation.Annotated ? "?" : string.Empty)
                : type.ToDisplayString(SymbolFormats.Type);

    /// <summary>The type as it counts for overload identity (<see cref="SymbolFormats.Signature"/>).</summary>
    public static string Signature(ITypeSymbol type, string displayed) =>
        Keyword(type) ?? (displayed.IndexOf('?') < 0 && displayed.IndexOf('(') < 0 ? displayed : type.ToDisplayString(SymbolFormats.Signature));

    /// <summary>The type inside a <c>cref</c> (<see cref="SymbolFormats.Cref"/>), with braces for type arguments.</summary>
    public static string Cref(ITypeSymbol type) =>
        Keyword(type)
        ?? (type is ITypeParameterSymbol typeParameter
            ? Literals.Identifier(typeParameter.Name)
            : type.ToDisplayString(SymbolFormats.Cref).Replace('<', '{').Replace('>', '}'));

    private static string? Keyword(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Byte => "byte",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Char => "char",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_String => "string",
        SpecialType.System_Object => "object",
        _ => null,
    };
}
