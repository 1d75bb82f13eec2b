using System;
using System.Collections.Immutable;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// Where an access or a handshake happens inside one piece of code, as source positions from the outermost call site
/// inward: an access inside a callee sorts at its call site, then by its place in the callee.
/// </summary>
internal readonly struct Order
{
    private readonly ImmutableArray<int> _positions;

    private Order(ImmutableArray<int> positions) => this._positions = positions;

    public static Order At(int position) => new(ImmutableArray.Create(position));

    private ImmutableArray<int> Positions => _positions.IsDefault ? ImmutableArray<int>.Empty : _positions;

    /// <summary>The outermost position: where in the walked code this happens.</summary>
    public int Outer => Positions.IsEmpty ? 0 : Positions[0];

    public Order Then(Order inner) => new(Positions.AddRange(inner.Positions));

    /// <summary>Whether this certainly comes before <paramref name="other"/> (a prefix of the other is not before it).</summary>
    public bool IsBefore(Order other)
    {
        var a = Positions;
        var b = other.Positions;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return a[i] < b[i];
            }
        }

        return false;
    }
}
