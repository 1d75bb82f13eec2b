using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Generator.Parsing;

/// <summary>C# literals for parameter default values and strings, always in the invariant culture.</summary>
internal static class Literals
{
    /// <summary>A C# string literal.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>
    /// The C# expression of a parameter's default value, or <see langword="null"/> when it cannot be written
    /// (the wrapper then makes the parameter required).
    /// </summary>
    public static string? DefaultValue(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        var type = parameter.Type;
        var value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? "null" : "default";
        }

        var underlying = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;
        var literal = Primitive(value);
        if (literal is null)
        {
            return null;
        }

        return underlying.TypeKind == TypeKind.Enum
            ? "(" + underlying.ToDisplayString(SymbolFormats.Type) + ")(" + literal + ")"
            : literal;
    }

    private static string? Primitive(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => String(s),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        sbyte n => "(sbyte)(" + n.ToString(CultureInfo.InvariantCulture) + ")",
        byte n => "(byte)" + n.ToString(CultureInfo.InvariantCulture),
        short n => "(short)(" + n.ToString(CultureInfo.InvariantCulture) + ")",
        ushort n => "(ushort)" + n.ToString(CultureInfo.InvariantCulture),
        int n => n == int.MinValue ? "int.MinValue" : n.ToString(CultureInfo.InvariantCulture),
        uint n => n.ToString(CultureInfo.InvariantCulture) + "U",
        long n => n == long.MinValue ? "long.MinValue" : n.ToString(CultureInfo.InvariantCulture) + "L",
        ulong n => n.ToString(CultureInfo.InvariantCulture) + "UL",
        float f => Single(f),
        double d => Double(d),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "M",
        _ => null,
    };

    private static string Single(float f) =>
        float.IsNaN(f) ? "float.NaN"
        : float.IsPositiveInfinity(f) ? "float.PositiveInfinity"
        : float.IsNegativeInfinity(f) ? "float.NegativeInfinity"
        : f.ToString("R", CultureInfo.InvariantCulture) + "F";

    private static string Double(double d) =>
        double.IsNaN(d) ? "double.NaN"
        : double.IsPositiveInfinity(d) ? "double.PositiveInfinity"
        : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
        : d.ToString("R", CultureInfo.InvariantCulture) + "D";

    /// <summary>An identifier as it must be written in code: reserved keywords get an <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Whether <paramref name="name"/> may name element <paramref name="position"/> (1-based) of a tuple.</summary>
    public static bool IsValidTupleElementName(string name, int position)
    {
        switch (name)
        {
            case "CompareTo" or "Deconstruct" or "Equals" or "GetHashCode" or "Rest" or "ToString":
                return false;
        }

        if (name.StartsWith("Item", StringComparison.Ordinal)
            && int.TryParse(name.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n == position && name == "Item" + n.ToString(CultureInfo.InvariantCulture);
        }

        return true;
    }
}
