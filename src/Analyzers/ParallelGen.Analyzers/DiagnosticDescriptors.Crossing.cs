using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers;

/// <summary>The rules of what crosses to a worker process: PG0006, PG0007 (usage) and PG0120 (lost writes).</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>PG0006: a method sent to a process pool cannot cross (Python's "can't pickle", at compile time).</summary>
    public static readonly DiagnosticDescriptor CannotCrossProcess = Create(
        DiagnosticIds.CannotCrossProcess,
        "A method sent to a process pool must take, return and run on values that can cross to a worker process",
        "'{0}' cannot run in a worker process: {1}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A process pool copies each item's arguments (and an instance method's object) to a worker process and the result back, with serializers the generator emits. Delegates, streams, tasks, spans, pointers, threading objects, 'object', interfaces and abstract classes without a registered IWireSerializer<T>, generic methods and types without a usable constructor cannot be copied. Reported where the executor is statically a ProcessPoolExecutor, or on a method marked [Parallelizable(CrossProcess = true)].");

    /// <summary>PG0007: a lambda or delegate handed to a process pool.</summary>
    public static readonly DiagnosticDescriptor DelegateToProcessPool = Create(
        DiagnosticIds.DelegateToProcessPool,
        "A lambda or delegate cannot be sent to a process pool",
        "{0} is handed to ProcessPoolExecutor.{1}, but a delegate is code and captured state of this process and cannot cross to a worker; put the work in a [Parallelizable] method and call its generated Map or Submit wrapper with this executor",
        UsageCategory,
        DiagnosticSeverity.Error,
        "A worker process runs only the [Parallelizable] methods the generated registry names; a lambda, a method group or a delegate value has no id a worker can look up, and its captured variables live in this process.");

    /// <summary>PG0120: a write in a worker process that the caller never sees.</summary>
    public static readonly DiagnosticDescriptor WriteLostInWorkerProcess = Create(
        DiagnosticIds.WriteLostInWorkerProcess,
        "A write made in a worker process is lost",
        "'{0}' runs in a worker process, so its write to {1} stays in the worker and the caller never sees it; return the value from the method instead and combine the results in the caller",
        ConcurrencyCategory,
        DiagnosticSeverity.Warning,
        "A worker process has its own memory: a static field, the copy of the instance it runs on, or a collection it fills are the worker's, not the caller's (Python's classic multiprocessing surprise: a dict filled in a child is empty in the parent). Reported where the executor is statically a ProcessPoolExecutor, or on a method marked [Parallelizable(CrossProcess = true)].");
}
