using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Wrapping;

/// <summary>
/// The identity of each wrapper a method gets (name, arity, parameter types as the compiler compares them: tuple
/// names, nullability and <c>dynamic</c> erased), so that two methods whose wrappers would be duplicates are found
/// (PG0011) before the generated file fails to compile.
/// </summary>
internal static class WrapperSignatures
{
    /// <summary>Every wrapper signature of <paramref name="method"/> under <paramref name="prefix"/>.</summary>
    public static List<string> Of(IMethodSymbol method, string prefix)
    {
        var parameters = method.Parameters;
        var count = parameters.Length > 0 && SignatureShapes.IsCancellationToken(parameters[parameters.Length - 1].Type) ? parameters.Length - 1 : parameters.Length;
        var types = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            types.Add(Key(parameters[i].Type));
        }

        var arity = "`" + method.Arity.ToString(CultureInfo.InvariantCulture);
        var signatures = new List<string>(6);
        if (count > 0)
        {
            var item = count == 1 ? types[0] : Tuple(types, 0);
            signatures.Add(prefix + ParallelizableNames.Map + arity + "(IEnumerable[" + item + "])");
            signatures.Add(prefix + ParallelizableNames.MapAsync + arity + "(IEnumerable[" + item + "])");
            signatures.Add(prefix + ParallelizableNames.MapAsync + arity + "(IAsyncEnumerable[" + item + "])");
            signatures.Add(prefix + ParallelizableNames.AsCompleted + arity + "(IEnumerable[" + item + "])");
        }

        signatures.Add(prefix + ParallelizableNames.Submit + arity + "(" + string.Join(",", types) + (count > 0 ? "," : string.Empty) + "IExecutor,CancellationToken)");
        if (count > 0 && parameters[count - 1] is { IsParams: true, Type: IArrayTypeSymbol { Rank: 1 } })
        {
            signatures.Add(prefix + ParallelizableNames.Submit + arity + "(" + string.Join(",", types) + ")");
        }

        return signatures;
    }

    /// <summary>The wrapper's name in a signature of <see cref="Of"/>.</summary>
    public static string NameOf(string signature) => signature.Substring(0, signature.IndexOf('`'));

    /// <summary>The item tuple of several parameters as the compiler lays it out (<c>ValueTuple`8</c> nests the rest).</summary>
    private static string Tuple(List<string> types, int start)
    {
        var left = types.Count - start;
        if (left <= 7)
        {
            return "System.ValueTuple`" + left.ToString(CultureInfo.InvariantCulture) + "[" + string.Join(",", types.GetRange(start, left)) + "]";
        }

        return "System.ValueTuple`8[" + string.Join(",", types.GetRange(start, 7)) + "," + Tuple(types, start + 7) + "]";
    }

    private static string Key(ITypeSymbol type)
    {
        var builder = new StringBuilder();
        Append(builder, type);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter:
                builder.Append("!!").Append(parameter.Ordinal.ToString(CultureInfo.InvariantCulture));
                break;
            case ITypeParameterSymbol parameter:
                builder.Append('!').Append(parameter.Name);
                break;
            case IArrayTypeSymbol array:
                Append(builder, array.ElementType);
                builder.Append('[').Append(array.Rank.ToString(CultureInfo.InvariantCulture)).Append(']');
                break;
            case INamedTypeSymbol named:
                if (named.ContainingType is { } outer)
                {
                    Append(builder, outer);
                    builder.Append('+');
                }
                else if (named.ContainingNamespace is { IsGlobalNamespace: false } ns)
                {
                    builder.Append(ns.ToDisplayString()).Append('.');
                }

                builder.Append(named.MetadataName);
                if (named.TypeArguments.Length > 0)
                {
                    builder.Append('[');
                    for (var i = 0; i < named.TypeArguments.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Append(builder, named.TypeArguments[i]);
                    }

                    builder.Append(']');
                }

                break;
            case { TypeKind: TypeKind.Dynamic }:
                builder.Append("System.Object");
                break;
            default:
                builder.Append(type.ToDisplayString());
                break;
        }
    }
}
