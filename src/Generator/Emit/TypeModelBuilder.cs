using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ParallelGen.Generator.Helpers;
using ParallelGen.Generator.Models;

namespace ParallelGen.Generator.Emit;

/// <summary>
/// Groups method models by containing type, in a fixed order. Methods whose wrappers would collide never get here:
/// the shared rule (<c>Wrappability</c>) reports and skips them.
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
            builder.Add(new TypeModel(group.Key, new EquatableArray<MethodModel>(distinct.ToArray())));
        }

        return builder.ToImmutable();
    }
}
