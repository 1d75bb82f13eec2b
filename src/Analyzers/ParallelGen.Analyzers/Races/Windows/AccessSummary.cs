using System.Collections.Immutable;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// What a piece of code reads and writes of storage others can reach, and the handshakes it makes. A summary of a
/// method records <see cref="Height"/> (how many nested calls deep it looked) and whether it is complete: no call cycle
/// back to an outer method (<see cref="CutDepth"/>) and no depth limit cut it short. Only complete summaries are cached,
/// so a result never depends on the order in which methods were analysed.
/// </summary>
internal sealed class AccessSummary(ImmutableArray<Access> accesses, ImmutableArray<Handshake> handshakes, int height, bool complete, int cutDepth)
{
    public ImmutableArray<Access> Accesses { get; } = accesses;

    public ImmutableArray<Handshake> Handshakes { get; } = handshakes;

    /// <summary>The longest chain of calls the summary followed (0: it calls no summarized method).</summary>
    public int Height { get; } = height;

    public bool Complete { get; } = complete;

    /// <summary>The smallest stack depth a call cycle returned to while computing the summary; int.MaxValue when none.</summary>
    public int CutDepth { get; } = cutDepth;

    /// <summary>A summary cut short: by the depth limit (<paramref name="cutDepth"/> = int.MaxValue) or by a cycle to the method at that depth.</summary>
    public static AccessSummary Cut(int cutDepth) => new(ImmutableArray<Access>.Empty, ImmutableArray<Handshake>.Empty, 0, complete: false, cutDepth);
}
