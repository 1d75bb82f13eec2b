namespace ParallelGen.Shared;

/// <summary>
/// The names the generator writes and the analyzers recognise: the attribute, its named arguments and the wrapper
/// suffixes. Linked as source into both assemblies (they share no assembly reference), so each fact is stated once.
/// </summary>
internal static class ParallelizableNames
{
    /// <summary>The attribute's metadata name.</summary>
    public const string AttributeMetadataName = "ParallelGen.ParallelizableAttribute";

    /// <summary>The named argument that renames the wrappers' prefix.</summary>
    public const string NameArgument = "Name";

    /// <summary>The named argument with the default degree of parallelism.</summary>
    public const string MaxDegreeOfParallelismArgument = "MaxDegreeOfParallelism";

    /// <summary>The named argument with the default chunk size.</summary>
    public const string ChunkSizeArgument = "ChunkSize";

    /// <summary>The named argument that declares the method is meant for worker processes.</summary>
    public const string CrossProcessArgument = "CrossProcess";

    /// <summary>Suffix of the ordered map wrapper (<c>Pool.map</c>).</summary>
    public const string Map = "Map";

    /// <summary>Suffix of the awaitable map wrapper (<c>map_async</c>).</summary>
    public const string MapAsync = "MapAsync";

    /// <summary>Suffix of the completion-order wrapper (<c>imap_unordered</c>, <c>as_completed</c>).</summary>
    public const string AsCompleted = "AsCompleted";

    /// <summary>Suffix of the single-call wrapper (<c>executor.submit</c>).</summary>
    public const string Submit = "Submit";

    /// <summary>Every wrapper suffix. None is a suffix of another, so a wrapper name splits one way only.</summary>
    public static readonly string[] WrapperSuffixes = { Map, MapAsync, AsCompleted, Submit };

    /// <summary>The suffix .NET gives awaitable methods; the wrappers' prefix leaves it out.</summary>
    public const string AsyncSuffix = "Async";

    /// <summary>
    /// The wrappers' prefix: the attribute's <c>Name</c> when given; else the method's name, less a trailing
    /// <c>Async</c> when the method returns a task (<paramref name="awaitable"/>), so that <c>FetchAsync</c> gets
    /// <c>FetchMap</c> and <c>FetchMapAsync</c> rather than <c>FetchAsyncMapAsync</c>. The suffix stays when dropping
    /// it leaves nothing or names another member of the type (<paramref name="typeHasMember"/>), such as a
    /// synchronous <c>Fetch</c> beside <c>FetchAsync</c>, whose wrappers would then share names.
    /// </summary>
    public static string Prefix(string methodName, string? nameArgument, bool awaitable, System.Func<string, bool> typeHasMember)
    {
        if (!string.IsNullOrEmpty(nameArgument))
        {
            return nameArgument!;
        }

        if (awaitable && methodName.Length > AsyncSuffix.Length && methodName.EndsWith(AsyncSuffix, System.StringComparison.Ordinal))
        {
            var shorter = methodName.Substring(0, methodName.Length - AsyncSuffix.Length);
            if (!typeHasMember(shorter))
            {
                return shorter;
            }
        }

        return methodName;
    }

    /// <summary>Splits <paramref name="name"/> into a non-empty prefix and a wrapper suffix, if it ends with one.</summary>
    public static bool TrySplitWrapperName(string name, out string prefix, out string suffix)
    {
        foreach (var candidate in WrapperSuffixes)
        {
            if (name.Length > candidate.Length && name.EndsWith(candidate, System.StringComparison.Ordinal))
            {
                prefix = name.Substring(0, name.Length - candidate.Length);
                suffix = candidate;
                return true;
            }
        }

        prefix = string.Empty;
        suffix = string.Empty;
        return false;
    }
}
