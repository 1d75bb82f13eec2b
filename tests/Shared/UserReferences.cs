using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Tests.Shared;

/// <summary>
/// The metadata references a user's project compiles against: the framework (the directory of
/// System.Private.CoreLib among the trusted platform assemblies, not everything the test host loaded) and the
/// ParallelGen runtime. Shared by the generator tests, the analyzer tests and the compiler benchmarks.
/// </summary>
public static class UserReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_lazy = new(Load);

    /// <summary>The references, loaded once.</summary>
    public static ImmutableArray<MetadataReference> All => s_lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.OrdinalIgnoreCase))
            .Append(typeof(ParallelizableAttribute).Assembly.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
