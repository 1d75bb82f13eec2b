using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>How an access is made.</summary>
internal enum AccessKind
{
    Read,
    Write,
}

/// <summary>
/// One read or write of shared storage by a piece of code: where (<see cref="At"/>, in the code that was walked; a call
/// site when the access is inside the callee), in what order (<see cref="Order"/>), under which locks, and whether it
/// is atomic (Interlocked, Volatile). A constant element index is kept so distinct constant slots do not conflict.
/// </summary>
internal sealed class Access(StorageKey key, AccessKind kind, bool atomic, ImmutableArray<LockHold> locks, Order order, IOperation at, object? constantIndex)
{
    public StorageKey Key { get; } = key;

    public AccessKind Kind { get; } = kind;

    public bool IsWrite => Kind == AccessKind.Write;

    /// <summary>Interlocked, Volatile or another atomic helper made the access.</summary>
    public bool Atomic { get; } = atomic;

    /// <summary>The lock objects held around the access (fields, locals), outermost code first.</summary>
    public ImmutableArray<LockHold> Locks { get; } = locks;

    public Order Order { get; } = order;

    public IOperation At { get; } = at;

    public object? ConstantIndex { get; } = constantIndex;

    /// <summary>The same access seen from a caller: re-rooted, at the call site, under the call site's locks too.</summary>
    public Access Through(StorageKey key, ImmutableArray<LockHold> callerLocks, Order callSite, IOperation call) =>
        new(key, Kind, Atomic, callerLocks.IsEmpty ? Locks : callerLocks.AddRange(Locks), callSite.Then(Order), call, ConstantIndex);

    /// <summary>Whether this access and <paramref name="other"/> race when they run at the same time.</summary>
    public bool ConflictsWith(Access other)
    {
        if (!IsWrite && !other.IsWrite)
        {
            return false;
        }

        var (written, seen) = IsWrite ? (this, other) : (other, this);
        if (!StorageKey.Overlaps(written.Key, seen.Key) && !(IsWrite && other.IsWrite && StorageKey.Overlaps(seen.Key, written.Key)))
        {
            return false;
        }

        if (Atomic && other.Atomic)
        {
            return false;
        }

        if (Key.IsElement && other.Key.IsElement && ConstantIndex is not null && other.ConstantIndex is not null && !Equals(ConstantIndex, other.ConstantIndex))
        {
            return false; // distinct constant slots
        }

        foreach (var mine in Locks)
        {
            foreach (var theirs in other.Locks)
            {
                if (mine.Excludes(theirs))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
