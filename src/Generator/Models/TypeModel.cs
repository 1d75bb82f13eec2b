using ParallelGen.Generator.Helpers;

namespace ParallelGen.Generator.Models;

/// <summary>The wrappable methods of one containing type: the unit of one generated file.</summary>
/// <param name="Hierarchy">The containing types.</param>
/// <param name="Methods">The methods, in a deterministic order.</param>
internal sealed record TypeModel(HierarchyInfo Hierarchy, EquatableArray<MethodModel> Methods);
