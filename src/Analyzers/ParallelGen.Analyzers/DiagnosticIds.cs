namespace ParallelGen.Analyzers;

/// <summary>The ids of ParallelGen's diagnostics; descriptors live in <c>DiagnosticDescriptors</c>.</summary>
internal static class DiagnosticIds
{
    /// <summary>The containing type of a [Parallelizable] method is not partial.</summary>
    public const string ContainingTypeNotPartial = "PG0001";
}
