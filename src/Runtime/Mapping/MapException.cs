using System;
using System.Collections.Generic;
using System.Linq;

namespace ParallelGen;

/// <summary>One failed item of a map run with <see cref="ErrorMode.Collect"/>.</summary>
/// <param name="Index">The item's position in the input.</param>
/// <param name="Exception">What the item threw (a <see cref="TimeoutException"/> when it exceeded <see cref="MapOptions.ItemTimeout"/>).</param>
public readonly record struct MapFailure(long Index, Exception Exception);

/// <summary>
/// Thrown by a map run with <see cref="ErrorMode.Collect"/> when one or more items failed, after every item has run.
/// <see cref="Failures"/> lists each failure by index; <see cref="Results"/> holds the results in input order (the
/// result type's default at failed indices).
/// </summary>
public sealed class MapException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MapException(IReadOnlyList<MapFailure> failures, Array? results)
        : base(Describe(failures), failures.Count > 0 ? failures[0].Exception : null)
    {
        Failures = failures;
        Results = results;
    }

    /// <summary>Creates the exception without failures; for serialization and tests.</summary>
    public MapException()
        : this(Array.Empty<MapFailure>(), null)
    {
    }

    /// <summary>Every failed item, in input order.</summary>
    public IReadOnlyList<MapFailure> Failures { get; }

    /// <summary>The results in input order (a <c>TOut[]</c>; default at failed indices), or <see langword="null"/> for maps without results.</summary>
    public Array? Results { get; }

    private static string Describe(IReadOnlyList<MapFailure> failures)
    {
        if (failures.Count == 0)
        {
            return "A map failed.";
        }

        var first = string.Join("; ", failures.Take(3).Select(f => $"item {f.Index}: {f.Exception.GetType().Name}: {f.Exception.Message}"));
        return failures.Count == 1
            ? $"1 item of the map failed ({first})."
            : $"{failures.Count} items of the map failed ({first}{(failures.Count > 3 ? "; ..." : string.Empty)}).";
    }
}
