using ParallelGen.Generator.Helpers;

namespace ParallelGen.Generator.Models;

/// <summary>
/// The chain of types that contain a <c>[Parallelizable]</c> method, as data: enough to re-open each one as a
/// partial declaration and to name the generated file.
/// </summary>
/// <param name="HintName">The generated file's hint name, from the innermost type's full metadata name.</param>
/// <param name="Namespace">The namespace (keywords escaped), empty for the global namespace.</param>
/// <param name="Types">The containing types, outermost first.</param>
internal sealed record HierarchyInfo(string HintName, string Namespace, EquatableArray<TypeDeclarationInfo> Types);

/// <summary>One type of a <see cref="HierarchyInfo"/>.</summary>
/// <param name="Declaration">The partial re-declaration without braces, e.g. <c>readonly partial record struct Point&lt;T&gt;</c>.</param>
internal sealed record TypeDeclarationInfo(string Declaration);
