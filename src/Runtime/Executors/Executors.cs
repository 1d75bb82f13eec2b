using System;
using System.Threading;

namespace ParallelGen;

/// <summary>The process-wide default executor used by the generated wrappers when none is given.</summary>
public static class Executors
{
    private static IExecutor? _default;

    /// <summary>
    /// The executor used when <see cref="MapOptions.Executor"/> or a wrapper's <c>executor</c> argument is null.
    /// A <see cref="ThreadPoolExecutor"/> as wide as the machine until set.
    /// </summary>
    public static IExecutor Default
    {
        get => Volatile.Read(ref _default) ?? Interlocked.CompareExchange(ref _default, new ThreadPoolExecutor(), null) ?? _default!;
        set => Volatile.Write(ref _default, value ?? throw new ArgumentNullException(nameof(value)));
    }
}
