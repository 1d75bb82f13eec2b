using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers;

/// <summary>The auto-parallelize rules (<c>PG0200</c> and up): loops a generated map can replace.</summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>The category of the auto-parallelize rules.</summary>
    public const string AutoParallelCategory = "ParallelGen.AutoParallel";

    /// <summary>PG0200: a loop calls a [Parallelizable] method one item at a time.</summary>
    public static readonly DiagnosticDescriptor LoopCallsParallelizable = Create(
        DiagnosticIds.LoopCallsParallelizable,
        "Loop calls a [Parallelizable] method one item at a time",
        "This loop calls '{0}' one item at a time; '{1}' runs the items in parallel and returns the results in input order",
        AutoParallelCategory,
        DiagnosticSeverity.Info,
        "The loop calls a [Parallelizable] method once per item and collects the results, and nothing else in it depends on the order or writes shared state. The generated Map (or MapAsync) wrapper runs the items in parallel and returns the results in input order, so the loop can become one call followed by AddRange, CopyTo, Sum or a keyed store.");

    /// <summary>PG0201: a loop computes an independent result per item with a method that could be [Parallelizable].</summary>
    public static readonly DiagnosticDescriptor LoopCanBeParallelized = Create(
        DiagnosticIds.LoopCanBeParallelized,
        "Loop computes independent results that could run in parallel",
        "This loop calls '{0}' once per item and the items do not depend on each other; mark '{0}' [Parallelizable] and call '{1}' to run them in parallel",
        AutoParallelCategory,
        DiagnosticSeverity.Info,
        "The loop calls a method of this compilation once per item and collects the results; the race analysis finds no shared state written by the method or by what it calls, and nothing whose order a user sees (console, files, network, logging). Marking the method [Parallelizable] (its types partial) generates a Map wrapper that runs the items in parallel and keeps their order.");
}
