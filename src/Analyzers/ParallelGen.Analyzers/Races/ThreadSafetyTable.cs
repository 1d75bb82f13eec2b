using System.Collections.Generic;
using System.Linq;

namespace ParallelGen.Analyzers.Races;

/// <summary>
/// The one table of types whose thread-safety the race rules know, and of their members that mutate or check. The
/// types are resolved to symbols once per compilation by <see cref="KnownTypes"/>; the member names also drive the
/// syntactic pre-screen (<see cref="BodyScreen"/>), so the screen and the analysis never disagree on what mutates.
/// </summary>
internal static class ThreadSafetyTable
{
    /// <summary>Collections and builders that are not safe to change from several threads (metadata names).</summary>
    public static readonly string[] NotThreadSafe =
    {
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.PriorityQueue`2",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.ISet`1",
        "System.Collections.ArrayList",
        "System.Collections.Hashtable",
        "System.Collections.Queue",
        "System.Collections.Stack",
        "System.Collections.SortedList",
        "System.Collections.BitArray",
        "System.Collections.ObjectModel.Collection`1",
        "System.Collections.ObjectModel.ObservableCollection`1",
        "System.Text.StringBuilder",
    };

    /// <summary>Of <see cref="NotThreadSafe"/>, those indexed by a key rather than a position (a per-item index does not make a slot private).</summary>
    public static readonly string[] Keyed =
    {
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Hashtable",
        "System.Collections.SortedList",
        "System.Collections.Concurrent.ConcurrentDictionary`2",
    };

    /// <summary>Collections whose items are distinct.</summary>
    public static readonly string[] Sets =
    {
        "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IReadOnlySet`1",
    };

    /// <summary>Thread-safe collections: each call is atomic (check-then-act across calls is not).</summary>
    public static readonly string[] ThreadSafe =
    {
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.ConcurrentBag`1",
        "System.Collections.Concurrent.ConcurrentQueue`1",
        "System.Collections.Concurrent.ConcurrentStack`1",
        "System.Collections.Concurrent.BlockingCollection`1",
        "System.Collections.Concurrent.IProducerConsumerCollection`1",
        "System.Collections.Concurrent.Partitioner",
        "System.Collections.Concurrent.OrderablePartitioner`1",
    };

    /// <summary>Members that change a <see cref="NotThreadSafe"/> collection or builder.</summary>
    public static readonly HashSet<string> MutatingMembers = KnownTypes.NewSet(
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere",
        "Clear", "Enqueue", "EnqueueRange", "Dequeue", "TryDequeue", "DequeueEnqueue", "EnqueueDequeue", "Push", "Pop",
        "TryPop", "TryAdd", "Append", "AppendLine", "AppendFormat", "AppendJoin", "Replace", "Sort", "Reverse",
        "AddFirst", "AddLast", "AddBefore", "AddAfter", "RemoveFirst", "RemoveLast", "UnionWith", "IntersectWith",
        "ExceptWith", "SymmetricExceptWith", "TrimExcess", "EnsureCapacity", "Set", "SetAll", "CopyFrom", "Fill");

    /// <summary>Reads of a thread-safe collection that a following act may rely on.</summary>
    public static readonly HashSet<string> ConcurrentChecks = KnownTypes.NewSet("ContainsKey", "TryGetValue", "Contains", "ContainsValue", "TryPeek", "IsEmpty");

    /// <summary>Changes of a thread-safe collection.</summary>
    public static readonly HashSet<string> ConcurrentActs = KnownTypes.NewSet(
        "TryAdd", "TryRemove", "TryUpdate", "AddOrUpdate", "Remove", "Clear", "Add", "Enqueue", "Push", "TryTake", "TryDequeue", "TryPop");

    /// <summary>Members of System.Random that change its state.</summary>
    public static readonly HashSet<string> RandomMembers = KnownTypes.NewSet("Next", "NextDouble", "NextBytes", "NextInt64", "NextSingle", "Shuffle", "GetItems");

    /// <summary>Every member name above: a call by one of these names makes the screen bind the body.</summary>
    public static readonly HashSet<string> ScreenTriggers = new(
        MutatingMembers.Concat(ConcurrentChecks).Concat(ConcurrentActs).Concat(RandomMembers), System.StringComparer.Ordinal);
}
