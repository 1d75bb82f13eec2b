using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using ParallelGen.Generator.Helpers;
using ParallelGen.Generator.Models;
using ParallelGen.Shared.Crossing;

namespace ParallelGen.Generator.Parsing;

/// <summary>
/// Builds the <see cref="RemoteMethodModel"/> of a wrappable method: the verdict of <see cref="MethodCrossing"/> (the
/// same rule the analyzers report) and, when it can cross, the wire types it needs.
/// </summary>
internal static class RemoteModelFactory
{
    /// <summary>Wire types display without nullable annotations and with tuples spelled as <c>ValueTuple</c>: one key per runtime type.</summary>
    private static readonly SymbolDisplayFormat s_wireFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>One crossing context per compilation (registered serializers, verdicts), held weakly.</summary>
    private static readonly ConditionalWeakTable<Compilation, CrossingContext> s_contexts = new();

    public static RemoteMethodModel? TryCreate(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (MethodModelFactory.TryCreate(context, cancellationToken) is not { } model || context.TargetSymbol is not IMethodSymbol method)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var crossing = s_contexts.GetValue(context.SemanticModel.Compilation, static c => new CrossingContext(c));
        var holder = "__ParallelGenRemote_" + Sanitize(model.Hierarchy.HintName.Substring(0, model.Hierarchy.HintName.Length - ".g.cs".Length));
        if (MethodCrossing.Explain(method, crossing) is { } reason)
        {
            return new RemoteMethodModel(model, MethodCrossing.Sentence(method, reason), holder, EquatableArray<string>.Empty, null, null, EquatableArray<WireTypeModel>.Empty);
        }

        var types = new Dictionary<string, WireTypeModel>();
        var parameters = new string[model.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = Collect(method.Parameters[i].Type, crossing, types);
        }

        var result = MethodCrossing.ResultType(method) is { } resultType ? Collect(resultType, crossing, types) : null;
        var target = method.IsStatic ? null : Collect(method.ContainingType, crossing, types);
        var sorted = new List<WireTypeModel>(types.Values);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new RemoteMethodModel(model, null, holder, new EquatableArray<string>(parameters), result, target, new EquatableArray<WireTypeModel>(sorted.ToArray()));
    }

    /// <summary>The key of <paramref name="type"/>, after adding it and its parts to <paramref name="types"/>.</summary>
    private static string Collect(ITypeSymbol type, CrossingContext crossing, Dictionary<string, WireTypeModel> types)
    {
        var name = type.ToDisplayString(s_wireFormat);
        if (types.ContainsKey(name))
        {
            return name;
        }

        var shape = CrossingRule.Classify(type, crossing);
        var isReference = type.IsReferenceType && shape.Primitive != "String";

        // Reserve the key first: the rule refuses types that contain themselves, but a part may repeat.
        var exactTypeOnly = shape.Kind == WireKind.Object && type.TypeKind == TypeKind.Class && !type.IsSealed;
        types[name] = new WireTypeModel(name, shape.Kind, isReference, shape.Primitive, EquatableArray<string>.Empty, EquatableArray<WireMemberModel>.Empty, null, shape.Materialized, exactTypeOnly);
        var elements = new string[shape.Elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = Collect(shape.Elements[i], crossing, types);
        }

        var members = new WireMemberModel[shape.Members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            var member = shape.Members[i];
            members[i] = new WireMemberModel(Literals.Identifier(member.Name), Collect(member.Type, crossing, types), member.ConstructorPosition >= 0);
        }

        types[name] = new WireTypeModel(
            name,
            shape.Kind,
            isReference,
            shape.Primitive,
            new EquatableArray<string>(elements),
            new EquatableArray<WireMemberModel>(members),
            shape.Serializer?.ToDisplayString(s_wireFormat),
            shape.Materialized,
            exactTypeOnly);
        return name;
    }

    /// <summary>A C# identifier made of <paramref name="text"/>: letters and digits kept, everything else an underscore.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }
}
