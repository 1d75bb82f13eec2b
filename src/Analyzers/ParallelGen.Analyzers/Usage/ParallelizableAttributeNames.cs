namespace ParallelGen.Analyzers.Usage;

/// <summary>Names tied to the <c>[Parallelizable]</c> attribute and the wrappers generated for it.</summary>
internal static class ParallelizableAttributeNames
{
    /// <summary>The attribute's metadata name.</summary>
    public const string MetadataName = "ParallelGen.ParallelizableAttribute";

    /// <summary>The named argument that renames the wrappers' prefix.</summary>
    public const string NameArgument = "Name";

    /// <summary>The suffixes of the generated wrappers, appended to the method name or the attribute's Name.</summary>
    public static readonly string[] WrapperSuffixes = { "Map", "MapAsync", "AsCompleted", "Submit" };
}
