namespace ParallelGen.Analyzers;

/// <summary>
/// The ids of ParallelGen's diagnostics: <c>PG0001</c>-<c>PG0099</c> are usage rules, <c>PG0100</c> and up race rules.
/// Shared as source with the code fixes. Descriptors (titles, messages, severities, help links) are in
/// <c>DiagnosticDescriptors</c>.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>The containing type (or an enclosing type) of a [Parallelizable] method is not partial.</summary>
    public const string ContainingTypeNotPartial = "PG0001";

    /// <summary>A parameter shape the wrappers cannot carry: ref/out/in, pointer, ref struct.</summary>
    public const string UnsupportedParameter = "PG0002";

    /// <summary>A return shape the wrappers cannot carry: ref return, pointer, ref struct, async void, IAsyncEnumerable.</summary>
    public const string UnsupportedReturn = "PG0003";

    /// <summary>A generated wrapper name clashes with an existing member.</summary>
    public const string WrapperNameClash = "PG0004";

    /// <summary>[Parallelizable] on something that is not an ordinary method (local function, lambda, accessor, operator...).</summary>
    public const string NotAMethod = "PG0005";

    /// <summary>The attribute's Name cannot prefix the wrappers' names (empty, white space, '@', not an identifier).</summary>
    public const string InvalidWrapperName = "PG0010";

    /// <summary>Two [Parallelizable] methods would get wrappers of the same signature.</summary>
    public const string WrappersCollide = "PG0011";

    /// <summary>The containing type cannot hold the wrappers: an interface, a file-local type, an instance method of a ref struct.</summary>
    public const string UnsupportedContainingType = "PG0012";

    /// <summary>A captured local or parameter is written inside a worker.</summary>
    public const string CapturedVariableWritten = "PG0100";

    /// <summary>A static field or property is written from a worker.</summary>
    public const string StaticMemberWritten = "PG0101";

    /// <summary>An instance field of the worker's own object is written from an instance [Parallelizable] method.</summary>
    public const string InstanceFieldWritten = "PG0102";

    /// <summary>A mutating call on a shared non-thread-safe collection or builder.</summary>
    public const string SharedCollectionMutated = "PG0103";

    /// <summary>A shared System.Random instance is used by workers.</summary>
    public const string SharedRandom = "PG0104";

    /// <summary>The same mutable object is passed to several work items of a generated wrapper.</summary>
    public const string SameObjectInManyItems = "PG0105";

    /// <summary>A worker calls a method that writes shared state (interprocedural).</summary>
    public const string SharedWriteThroughCall = "PG0106";

    /// <summary>Check-then-act on a concurrent collection.</summary>
    public const string CheckThenAct = "PG0107";

    /// <summary>A method sent to a process pool has a parameter, result or instance that cannot cross to a worker process.</summary>
    public const string CannotCrossProcess = "PG0006";

    /// <summary>A lambda or delegate is handed to a process pool.</summary>
    public const string DelegateToProcessPool = "PG0007";

    /// <summary>A method sent to a process pool writes a static, its instance or a shared collection: the write stays in the worker.</summary>
    public const string WriteLostInWorkerProcess = "PG0120";

    /// <summary>The code that started a worker touches state the worker uses before joining it.</summary>
    public const string StartingCodeRace = "PG0108";

    /// <summary>Two separately started workers that run at the same time touch the same state.</summary>
    public const string ConcurrentLaunchRace = "PG0109";

    /// <summary>A work item reads an element of an array that another work item writes (a[i] = a[i - 1]).</summary>
    public const string NeighbourElementRead = "PG0110";
    /// <summary>A loop calls a [Parallelizable] method one item at a time and collects the results (auto-parallelize).</summary>
    public const string LoopCallsParallelizable = "PG0200";

    /// <summary>A loop computes an independent result per item with a method that could be [Parallelizable] (auto-parallelize).</summary>
    public const string LoopCanBeParallelized = "PG0201";
}
