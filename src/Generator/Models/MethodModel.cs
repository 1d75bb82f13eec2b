using ParallelGen.Generator.Helpers;

namespace ParallelGen.Generator.Models;

/// <summary>
/// Everything the emitter needs about one wrappable <c>[Parallelizable]</c> method: strings, bools and
/// equatable arrays only, so the pipeline can cache it.
/// </summary>
/// <param name="Hierarchy">The containing types.</param>
/// <param name="ContainingType">The innermost containing type, fully qualified (used for static calls).</param>
/// <param name="Name">The method's name as written in code.</param>
/// <param name="Prefix">The wrappers' name prefix (the method name, or the attribute's <c>Name</c>).</param>
/// <param name="Accessibility">The C# accessibility modifiers, e.g. <c>public</c> or <c>protected internal</c>.</param>
/// <param name="IsStatic">Whether the method is static.</param>
/// <param name="TypeParameters">The method's type parameter names.</param>
/// <param name="Constraints">The method's constraint clauses, e.g. <c>where T : class</c>.</param>
/// <param name="Parameters">The parameters that make up an item.</param>
/// <param name="PassesCancellationToken">Whether the method ends with a <c>CancellationToken</c> the wrapper fills.</param>
/// <param name="ReturnKind">How the method returns.</param>
/// <param name="ResultType">The result type (of <c>T</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask&lt;T&gt;</c>), else <see langword="null"/>.</param>
/// <param name="DocumentationId">The documentation comment id, passed to the runtime as the method's stable id.</param>
/// <param name="Cref">A <c>cref</c> value that names the method from inside its type.</param>
/// <param name="MaxDegreeOfParallelism">The attribute's value.</param>
/// <param name="ChunkSize">The attribute's value.</param>
/// <param name="ObsoleteAttribute">An <c>[Obsolete]</c> attribute to copy onto the wrappers, or <see langword="null"/>.</param>
/// <param name="AllowsLambdaAttributes">Whether the project's language version (C# 10 or later) allows attributes on lambdas.</param>
internal sealed record MethodModel(
    HierarchyInfo Hierarchy,
    string ContainingType,
    string Name,
    string Prefix,
    string Accessibility,
    bool IsStatic,
    EquatableArray<string> TypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<ParameterModel> Parameters,
    bool PassesCancellationToken,
    ReturnKind ReturnKind,
    string? ResultType,
    string DocumentationId,
    string Cref,
    int MaxDegreeOfParallelism,
    int ChunkSize,
    string? ObsoleteAttribute,
    bool AllowsLambdaAttributes)
{
    /// <summary>Whether the method returns nothing to the caller (<c>void</c>, <c>Task</c>, <c>ValueTask</c>).</summary>
    public bool HasResult => ResultType is not null;

    /// <summary>Whether workers await the method.</summary>
    public bool IsAsync => ReturnKind is not (ReturnKind.Value or ReturnKind.Void);
}
