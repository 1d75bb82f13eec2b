using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using ParallelGen.Analyzers;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ParallelGen.CodeFixes.Races;

/// <summary>
/// PG0103: a shared <c>List&lt;T&gt;</c> becomes a <c>ConcurrentQueue&lt;T&gt;</c> (keeps insertion order; <c>Add</c>
/// becomes <c>Enqueue</c>) or a <c>ConcurrentBag&lt;T&gt;</c>; a shared <c>Dictionary&lt;K,V&gt;</c> becomes a
/// <c>ConcurrentDictionary&lt;K,V&gt;</c> (<c>Add</c> becomes <c>TryAdd</c>, <c>Remove(k)</c> <c>TryRemove(k, out _)</c>).
/// The declared type, the initializer and every creation assigned to the variable change together. Offered only when
/// every use of the variable in the file still compiles on the concurrent type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseConcurrentCollectionCodeFix)), Shared]
public sealed class UseConcurrentCollectionCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the ConcurrentQueue action.</summary>
    public const string QueueKey = "ParallelGen.UseConcurrentQueue";

    /// <summary>The equivalence key of the ConcurrentBag action.</summary>
    public const string BagKey = "ParallelGen.UseConcurrentBag";

    /// <summary>The equivalence key of the ConcurrentDictionary action.</summary>
    public const string DictionaryKey = "ParallelGen.UseConcurrentDictionary";

    private static readonly Target s_queue = new(
        "ConcurrentQueue",
        QueueKey,
        new Dictionary<string, string> { ["Add"] = "Enqueue", ["Count"] = "Count", ["ToArray"] = "ToArray", ["Clear"] = "Clear", ["GetEnumerator"] = "GetEnumerator", ["IsEmpty"] = "IsEmpty" },
        AllowsCollectionInitializer: false,
        AllowsIndexer: false);

    private static readonly Target s_bag = new(
        "ConcurrentBag",
        BagKey,
        new Dictionary<string, string> { ["Add"] = "Add", ["Count"] = "Count", ["ToArray"] = "ToArray", ["Clear"] = "Clear", ["GetEnumerator"] = "GetEnumerator", ["IsEmpty"] = "IsEmpty" },
        AllowsCollectionInitializer: true,
        AllowsIndexer: false);

    private static readonly Target s_concurrentDictionary = new(
        "ConcurrentDictionary",
        DictionaryKey,
        new Dictionary<string, string>
        {
            ["Add"] = "TryAdd", ["TryAdd"] = "TryAdd", ["Remove"] = "TryRemove", ["Count"] = "Count", ["ContainsKey"] = "ContainsKey",
            ["TryGetValue"] = "TryGetValue", ["Keys"] = "Keys", ["Values"] = "Values", ["Clear"] = "Clear", ["GetEnumerator"] = "GetEnumerator",
            ["ToArray"] = "ToArray", ["IsEmpty"] = "IsEmpty",
        },
        AllowsCollectionInitializer: false,
        AllowsIndexer: true);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SharedCollectionMutated);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var ct = context.CancellationToken;
        var root = await context.Document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var receiver = root is null ? null : SharedVariable.FindReceiver(root.FindNode(context.Span, getInnermostNodeForTie: true));
        if (model is null || receiver is null
            || await SharedVariable.ResolveAsync(context.Document, model, receiver, ct).ConfigureAwait(false) is not { } variable
            || variable.Type is not INamedTypeSymbol { IsGenericType: true } type
            || model.Compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentQueue`1") is null)
        {
            return;
        }

        var targets = type.OriginalDefinition.ToDisplayString() switch
        {
            "System.Collections.Generic.List<T>" => new[] { s_queue, s_bag },
            "System.Collections.Generic.Dictionary<TKey, TValue>" => new[] { s_concurrentDictionary },
            _ => System.Array.Empty<Target>(),
        };
        foreach (var target in targets)
        {
            if (Plan(variable, type, target, model, ct) is { } edits)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {target.Name}<{string.Join(", ", type.TypeArguments.Select(t => t.ToMinimalDisplayString(model, receiver.SpanStart)))}>", c => ApplyAsync(context.Document, edits, c), target.Key),
                    context.Diagnostics);
            }
        }
    }

    private static async Task<Document> ApplyAsync(Document document, List<(SyntaxNode Old, SyntaxNode New)> edits, CancellationToken ct)
    {
        var editor = await DocumentEditor.CreateAsync(document, ct).ConfigureAwait(false);
        foreach (var (old, replacement) in edits)
        {
            editor.ReplaceNode(old, replacement);
        }

        var changed = editor.GetChangedDocument();
        var root = await changed.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        return changed.WithSyntaxRoot(Usings.Ensure(root!, "System.Collections.Concurrent"));
    }

    /// <summary>The edits that move the variable to <paramref name="target"/>, or null when some use would not compile.</summary>
    private static List<(SyntaxNode Old, SyntaxNode New)>? Plan(SharedVariable variable, INamedTypeSymbol type, Target target, SemanticModel model, CancellationToken ct)
    {
        var position = variable.Declarator.SpanStart;
        var typeText = $"{target.Name}<{string.Join(", ", type.TypeArguments.Select(t => t.ToMinimalDisplayString(model, position)))}>";
        var edits = new List<(SyntaxNode Old, SyntaxNode New)>();

        var declaredType = variable.Declaration.Type;
        if (!declaredType.IsVar)
        {
            edits.Add((declaredType, ParseTypeName(typeText).WithTriviaFrom(declaredType)));
        }
        else if (variable.Declarator.Initializer?.Value is not ObjectCreationExpressionSyntax)
        {
            return null;
        }

        if (variable.Declarator.Initializer is { } initializer)
        {
            if (Creation(initializer.Value, typeText, target, model, ct) is not { } creation)
            {
                return null;
            }

            edits.Add((initializer.Value, creation));
        }

        foreach (var use in variable.Uses)
        {
            if (use.Parent is AssignmentExpressionSyntax assignment && assignment.Left == use)
            {
                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || Creation(assignment.Right, typeText, target, model, ct) is not { } creation)
                {
                    return null;
                }

                edits.Add((assignment.Right, creation));
            }
            else if (SharedVariable.AccessedMember(use) is { } access)
            {
                var name = access.Name.Identifier.ValueText;
                if (target.Members.TryGetValue(name, out var newName))
                {
                    if (!AddRename(edits, access, name, newName, target))
                    {
                        return null;
                    }
                }
                else if (!IsEnumerableExtension(model.GetSymbolInfo(access, ct).Symbol))
                {
                    return null;
                }
            }
            else if (use.Parent is ElementAccessExpressionSyntax element && element.Expression == use)
            {
                if (!target.AllowsIndexer)
                {
                    return null;
                }
            }
            else if (use.Parent is ForEachStatementSyntax forEach && forEach.Expression == use)
            {
                // Every concurrent collection enumerates (a moment-in-time snapshot).
            }
            else if (!IsInterfaceTheTargetImplements(model.GetTypeInfo(use, ct).ConvertedType, type))
            {
                return null;
            }
        }

        return edits;
    }

    private static bool AddRename(List<(SyntaxNode Old, SyntaxNode New)> edits, MemberAccessExpressionSyntax access, string name, string newName, Target target)
    {
        if (target == s_concurrentDictionary && name == "Remove")
        {
            // Remove(key) -> TryRemove(key, out _); Remove(key, out value) has the same shape as TryRemove.
            if (access.Parent is not InvocationExpressionSyntax invocation)
            {
                return false;
            }

            var arguments = invocation.ArgumentList;
            if (arguments.Arguments.Count == 1)
            {
                arguments = ParseArgumentList($"({arguments.Arguments[0]}, out _)").WithTriviaFrom(arguments);
            }

            edits.Add((invocation, invocation.WithExpression(access.WithName(IdentifierName(newName).WithTriviaFrom(access.Name))).WithArgumentList(arguments)));
            return true;
        }

        if (name != newName)
        {
            edits.Add((access.Name, IdentifierName(newName).WithTriviaFrom(access.Name)));
        }

        return true;
    }

    private static ExpressionSyntax? Creation(ExpressionSyntax value, string typeText, Target target, SemanticModel model, CancellationToken ct)
    {
        // Collection expressions ([] and [a, b]) are newer than the Roslyn the fixes compile against: found by kind name.
        var isCollectionExpression = value.Kind().ToString() == "CollectionExpression";
        switch (value)
        {
            case not null when isCollectionExpression && !value.ChildNodes().Any():
                return ParseExpression("new()").WithTriviaFrom(value);
            case not null when isCollectionExpression && target.AllowsCollectionInitializer:
                return value;
            case BaseObjectCreationExpressionSyntax creation:
                if (creation.Initializer is { } init && !InitializerFits(init, target))
                {
                    return null;
                }

                var arguments = KeptArguments(creation.ArgumentList, model, ct);
                if (arguments is null)
                {
                    return null;
                }

                var text = creation is ImplicitObjectCreationExpressionSyntax
                    ? $"new({arguments})"
                    : $"new {typeText}({arguments})";
                var result = (BaseObjectCreationExpressionSyntax)ParseExpression(text);
                return result.WithInitializer(creation.Initializer).WithTriviaFrom(value);
            default:
                return null;
        }
    }

    private static bool InitializerFits(InitializerExpressionSyntax init, Target target) =>
        init.Expressions.Count == 0
        || (target.AllowsCollectionInitializer && init.IsKind(SyntaxKind.CollectionInitializerExpression))
        || (target.AllowsIndexer && init.Expressions.All(e => e is AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax }));

    /// <summary>
    /// Constructor arguments the concurrent type also takes: a source collection, an equality comparer. A capacity
    /// (an int) has no counterpart and is dropped; anything else declines the fix.
    /// </summary>
    private static string? KeptArguments(ArgumentListSyntax? list, SemanticModel model, CancellationToken ct)
    {
        if (list is null)
        {
            return string.Empty;
        }

        var kept = new List<string>();
        foreach (var argument in list.Arguments)
        {
            var type = model.GetTypeInfo(argument.Expression, ct).Type;
            if (type?.SpecialType == SpecialType.System_Int32)
            {
                continue;
            }

            if (type is null || !type.AllInterfaces.Concat(type is INamedTypeSymbol { TypeKind: TypeKind.Interface } i ? new[] { i } : System.Array.Empty<INamedTypeSymbol>())
                    .Any(t => t.Name is "IEnumerable" or "IEqualityComparer"))
            {
                return null;
            }

            kept.Add(argument.ToString());
        }

        return string.Join(", ", kept);
    }

    private static bool IsEnumerableExtension(ISymbol? symbol) =>
        symbol is IMethodSymbol { IsExtensionMethod: true } method
        && (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type is INamedTypeSymbol { Name: "IEnumerable" };

    private static bool IsInterfaceTheTargetImplements(ITypeSymbol? converted, INamedTypeSymbol original) =>
        converted is { SpecialType: SpecialType.System_Object }
        || (converted is INamedTypeSymbol { TypeKind: TypeKind.Interface, Name: "IEnumerable" or "IReadOnlyCollection" or "IReadOnlyDictionary" or "IDictionary" or "ICollection" }
            && !SymbolEqualityComparer.Default.Equals(converted, original)
            && (converted.Name != "ICollection" || !((INamedTypeSymbol)converted).IsGenericType));

    private sealed class Target
    {
        public Target(string name, string key, Dictionary<string, string> members, bool AllowsCollectionInitializer, bool AllowsIndexer)
        {
            Name = name;
            Key = key;
            Members = members;
            this.AllowsCollectionInitializer = AllowsCollectionInitializer;
            this.AllowsIndexer = AllowsIndexer;
        }

        public string Name { get; }

        public string Key { get; }

        public Dictionary<string, string> Members { get; }

        public bool AllowsCollectionInitializer { get; }

        public bool AllowsIndexer { get; }
    }
}
