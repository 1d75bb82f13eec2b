using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ParallelGen.Generator.Helpers;
using ParallelGen.Generator.Models;
using ParallelGen.Shared;

namespace ParallelGen.Generator.Emit;

/// <summary>
/// Groups method models by containing type and drops methods whose wrappers would collide with another
/// method's wrappers (same name and parameter types), so the output always compiles.
/// </summary>
internal static class TypeModelBuilder
{
    public static ImmutableArray<TypeModel> Build(ImmutableArray<MethodModel> methods, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<TypeModel>();
        foreach (var group in methods.GroupBy(static m => m.Hierarchy).OrderBy(static g => g.Key.HintName, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var distinct = group
                .Distinct()
                .OrderBy(static m => m.Prefix, StringComparer.Ordinal)
                .ThenBy(static m => m.DocumentationId, StringComparer.Ordinal)
                .ToList();
            var kept = KeepUnambiguous(distinct);
            if (!kept.IsEmpty)
            {
                builder.Add(new TypeModel(group.Key, kept));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The methods whose wrappers collide with no other method's. Wrappers of different prefixes never collide, so
    /// only methods that share a prefix (overloads) have their wrapper signatures compared.
    /// </summary>
    private static EquatableArray<MethodModel> KeepUnambiguous(List<MethodModel> methods)
    {
        var kept = new List<MethodModel>(methods.Count);
        for (var start = 0; start < methods.Count;)
        {
            var end = start + 1;
            while (end < methods.Count && methods[end].Prefix == methods[start].Prefix)
            {
                end++;
            }

            if (end - start == 1)
            {
                kept.Add(methods[start]);
            }
            else
            {
                var overloads = methods.GetRange(start, end - start);
                var keyCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var key in overloads.SelectMany(WrapperSignatures))
                {
                    keyCounts[key] = keyCounts.TryGetValue(key, out var count) ? count + 1 : 1;
                }

                kept.AddRange(overloads.Where(m => WrapperSignatures(m).All(k => keyCounts[k] == 1)));
            }

            start = end;
        }

        return new EquatableArray<MethodModel>(kept.ToArray());
    }

    /// <summary>The identity (name, arity and parameter types) of each wrapper the method gets.</summary>
    private static IEnumerable<string> WrapperSignatures(MethodModel method)
    {
        var arity = "`" + method.TypeParameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var types = method.Parameters.Select(static p => p.SignatureType).ToList();
        if (types.Count > 0)
        {
            var item = types.Count == 1 ? types[0] : "global::System.ValueTuple<" + string.Join(", ", types) + ">";
            yield return method.Prefix + ParallelizableNames.Map + arity + "(" + item + ")";
            yield return method.Prefix + ParallelizableNames.MapAsync + arity + "(" + item + ")";
            yield return method.Prefix + ParallelizableNames.AsCompleted + arity + "(" + item + ")";
        }

        yield return method.Prefix + ParallelizableNames.Submit + arity + "(" + string.Join(", ", types) + ", executor)";
        if (method.Parameters.Count > 0 && method.Parameters[method.Parameters.Count - 1].ParamsElementType is not null)
        {
            yield return method.Prefix + ParallelizableNames.Submit + arity + "(" + string.Join(", ", types) + ")";
        }
    }
}
