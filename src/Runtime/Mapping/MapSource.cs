using System;
using System.Collections.Generic;

namespace ParallelGen.Mapping;

/// <summary>Where a map's items come from: an indexable collection (claimed by index, never copied), a lazy enumerable or an async stream.</summary>
internal sealed class MapSource<TIn>
{
    private MapSource(TIn[]? array, IList<TIn>? list, IReadOnlyList<TIn>? readOnlyList, IEnumerable<TIn>? enumerable, IAsyncEnumerable<TIn>? asyncEnumerable, long count)
    {
        Array = array;
        List = list;
        ReadOnlyList = readOnlyList;
        Enumerable = enumerable;
        AsyncEnumerable = asyncEnumerable;
        Count = count;
    }

    public TIn[]? Array { get; }

    public IList<TIn>? List { get; }

    public IReadOnlyList<TIn>? ReadOnlyList { get; }

    public IEnumerable<TIn>? Enumerable { get; }

    public IAsyncEnumerable<TIn>? AsyncEnumerable { get; }

    /// <summary>The number of items when known up front (indexable sources), else -1.</summary>
    public long Count { get; }

    public bool IsIndexed => Count >= 0;

    public static MapSource<TIn> From(IEnumerable<TIn> items) => items switch
    {
        null => throw new ArgumentNullException(nameof(items)),
        TIn[] array => new(array, null, null, null, null, array.Length),
        IList<TIn> list => new(null, list, null, null, null, list.Count),
        IReadOnlyList<TIn> list => new(null, null, list, null, null, list.Count),
        _ => new(null, null, null, items, null, -1),
    };

    public static MapSource<TIn> From(IAsyncEnumerable<TIn> items) =>
        new(null, null, null, null, items ?? throw new ArgumentNullException(nameof(items)), -1);

    public TIn this[long index] =>
        Array is not null ? Array[index] : List is not null ? List[(int)index] : ReadOnlyList![(int)index];
}
