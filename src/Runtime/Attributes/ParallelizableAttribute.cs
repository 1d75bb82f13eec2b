using System;

namespace ParallelGen;

/// <summary>
/// Marks a method for parallel execution. The ParallelGen source generator adds <c>XMap</c>, <c>XMapAsync</c>,
/// <c>XAsCompleted</c> and <c>XSubmit</c> wrappers for the method <c>X</c> to its (partial) containing type,
/// and the ParallelGen analyzers check the method body for data races.
/// </summary>
/// <example>
/// <code>
/// public static partial class Images
/// {
///     [Parallelizable]
///     public static Thumbnail Resize(string path, int width) { ... }
/// }
/// // Images.ResizeMap(items), Images.ResizeSubmit(path, 64), await foreach (var c in Images.ResizeAsCompleted(items)) ...
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ParallelizableAttribute : Attribute
{
    /// <summary>The prefix of the generated wrappers; the method's own name when <see langword="null"/>.</summary>
    public string? Name { get; set; }

    /// <summary>The default maximum number of items run at once by the wrappers; 0 uses the executor's width.</summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>The default number of items claimed by a worker at a time; 0 adapts it to the measured item cost.</summary>
    public int ChunkSize { get; set; }

    /// <summary>
    /// Declares that the method is meant to run in worker processes (a <c>ProcessPoolExecutor</c>): the analyzers then
    /// report, at the method, a parameter, result or instance that cannot cross the process boundary (PG0006) and
    /// writes to shared state that would stay in the worker (PG0120), even where the executor is chosen at run time.
    /// </summary>
    public bool CrossProcess { get; set; }
}
