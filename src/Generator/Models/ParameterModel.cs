namespace ParallelGen.Generator.Models;

/// <summary>One parameter of a <c>[Parallelizable]</c> method that is part of an item (a trailing cancellation token is not).</summary>
/// <param name="Name">The identifier as written in code (keywords escaped with <c>@</c>).</param>
/// <param name="Type">The fully qualified type with nullable annotations.</param>
/// <param name="SignatureType">The type as it counts for overload identity (no nullable or tuple-name annotations).</param>
/// <param name="TupleElementName">The element's name in the item tuple; <see langword="null"/> where C# forbids that name.</param>
/// <param name="DefaultValue">The default value as a C# expression, or <see langword="null"/>.</param>
/// <param name="ParamsElementType">The element type of a <c>params T[]</c> parameter, or <see langword="null"/>.</param>
internal sealed record ParameterModel(
    string Name,
    string Type,
    string SignatureType,
    string? TupleElementName,
    string? DefaultValue,
    string? ParamsElementType);
