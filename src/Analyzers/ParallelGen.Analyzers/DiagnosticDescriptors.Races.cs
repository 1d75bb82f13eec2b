using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers;

/// <summary>The race rules (<c>PG0100</c> and up). Usage rules and the shared helpers are in <c>DiagnosticDescriptors.cs</c>.</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>PG0100: a captured local or parameter is written inside a worker.</summary>
    public static readonly DiagnosticDescriptor CapturedVariableWritten = Create(
        DiagnosticIds.CapturedVariableWritten,
        "Captured variable written inside a parallel worker",
        "Worker '{0}' writes captured variable '{1}', which all its work items share; use Interlocked or a lock, or give each work item its own value and combine the results (localInit/localFinally, or Map plus Sum)",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "A lambda that runs as a parallel worker shares the variables it captures with every other work item. Unsynchronized writes to such a variable lose updates (sum += i is a read, an add and a write).");

    /// <summary>PG0101: a static field or property is written from a worker.</summary>
    public static readonly DiagnosticDescriptor StaticMemberWritten = Create(
        DiagnosticIds.StaticMemberWritten,
        "Static field or property written from a parallel worker",
        "Worker '{0}' writes static {1} '{2}' without synchronization; use Interlocked or a lock, mark it [ThreadStatic], or return the value instead",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "Static state is shared by every thread. Writes from parallel workers race with each other and with readers unless they are atomic (Interlocked, Volatile) or made under a lock.");

    /// <summary>PG0102: a field of the worker's own (shared) object is written.</summary>
    public static readonly DiagnosticDescriptor InstanceFieldWritten = Create(
        DiagnosticIds.InstanceFieldWritten,
        "Field of a shared object written from a parallel worker",
        "Worker '{0}' writes field '{1}' of {2}, which all its work items share; use Interlocked or a lock, or keep the state per work item",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "All work items of an instance [Parallelizable] method, and all iterations of a parallel lambda, run on the same object: writing its fields from the workers is a data race unless the writes are atomic or locked.");

    /// <summary>PG0103: a mutating call on a shared non-thread-safe collection or builder.</summary>
    public static readonly DiagnosticDescriptor SharedCollectionMutated = Create(
        DiagnosticIds.SharedCollectionMutated,
        "Shared non-thread-safe collection mutated from a parallel worker",
        "Worker '{0}' changes {1} with '{2}', but '{3}' is not thread-safe; use a System.Collections.Concurrent collection or a lock, or return the items and combine them afterwards",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "List<T>, Dictionary<TKey,TValue>, HashSet<T>, Queue<T>, Stack<T>, the Sorted* collections, LinkedList<T>, StringBuilder and arrays are not safe to change from several threads: concurrent changes corrupt their state or lose items.");

    /// <summary>PG0104: a shared System.Random instance is used by workers.</summary>
    public static readonly DiagnosticDescriptor SharedRandom = Create(
        DiagnosticIds.SharedRandom,
        "Shared System.Random used from a parallel worker",
        "Worker '{0}' calls '{1}' on the shared Random {2}; System.Random is not thread-safe — use Random.Shared or a Random per worker",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "A System.Random instance used from several threads at once can corrupt its state and start returning zeros. Random.Shared is thread-safe.");

    /// <summary>PG0105: the same mutable object is passed to several work items of a generated wrapper.</summary>
    public static readonly DiagnosticDescriptor SameObjectInManyItems = Create(
        DiagnosticIds.SameObjectInManyItems,
        "Same mutable object passed to several work items",
        "'{0}' is passed to every work item of '{1}', and '{2}' {3}; give each work item its own object or make that write thread-safe",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "A generated wrapper runs its work items in parallel. When they all receive the same mutable object and the method writes through that parameter, the work items race on it.");

    /// <summary>PG0106: a worker calls a method that writes shared state.</summary>
    public static readonly DiagnosticDescriptor SharedWriteThroughCall = Create(
        DiagnosticIds.SharedWriteThroughCall,
        "Parallel worker calls a method that writes shared state",
        "Worker '{0}' calls {1}, which {2}; make that write thread-safe (Interlocked, a lock, a concurrent type) or keep the state per work item",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "A method called from a parallel worker runs on the worker's thread. When it writes static state, the worker's shared object or an object the worker shares, that write races with the other work items.");

    /// <summary>PG0107: check-then-act on a concurrent collection.</summary>
    public static readonly DiagnosticDescriptor CheckThenAct = Create(
        DiagnosticIds.CheckThenAct,
        "Check-then-act on a concurrent collection",
        "Worker '{0}' reads {1} with '{2}' and then changes it; another worker can change it in between — use one atomic call such as GetOrAdd, AddOrUpdate, TryAdd or TryUpdate",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "Each call on a concurrent collection is atomic, but a check followed by an act is not: between ContainsKey and the indexer set (or between reading a value and writing it back) another worker can change the entry.");

    /// <summary>PG0108: the starting code touches state its worker uses while the worker still runs.</summary>
    public static readonly DiagnosticDescriptor StartingCodeRace = Create(
        DiagnosticIds.StartingCodeRace,
        "State used by the starting code while its worker runs",
        "'{0}' {1} {2} while worker '{3}' started on line {4} still runs and {5} it ({6}); wait for the worker (await, Wait, Join) before this access, or synchronize both sides",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "A worker started with Task.Run, Task.Factory.StartNew, new Thread(...).Start(), ThreadPool.QueueUserWorkItem or IExecutor.Submit runs at the same time as the code that started it, until that code waits for it. Reading state the worker writes, or writing state the worker reads, in between is a data race.");

    /// <summary>PG0109: two workers started separately touch the same state at the same time.</summary>
    public static readonly DiagnosticDescriptor ConcurrentLaunchRace = Create(
        DiagnosticIds.ConcurrentLaunchRace,
        "Two workers that run at the same time use the same state",
        "Worker '{0}' {1} {2}, and worker '{3}' started on line {4} {5} it while still running; join the first worker before starting the second, or synchronize both",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "Two workers run at the same time when the second is started before the first is joined. When one of them writes state the other reads or writes, without a common lock, atomic operations on both sides or a handshake that orders them, the accesses race.");

    /// <summary>PG0110: a work item reads an element another work item writes.</summary>
    public static readonly DiagnosticDescriptor NeighbourElementRead = Create(
        DiagnosticIds.NeighbourElementRead,
        "Work item reads an element another work item writes",
        "Worker '{0}' reads '{1}' while another work item writes '{2}'; read from a copy made before the loop, or run the dependent steps in order",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "Each iteration of Parallel.For may write its own element, but an iteration that reads a neighbouring element (a[i - 1], a[i + 1]) reads a slot another iteration writes at the same time: the result depends on timing.");
}
