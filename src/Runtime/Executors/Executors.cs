using System;
using System.Threading;

namespace ParallelGen;

/// <summary>The process-wide default executor used by the generated wrappers when none is given.</summary>
public static class Executors
{
    private static IExecutor? s_default;

    /// <summary>
    /// The executor used when <see cref="MapOptions.Executor"/> or a wrapper's <c>executor</c> argument is null.
    /// A <see cref="ThreadPoolExecutor"/> as wide as the machine until set.
    /// </summary>
    public static IExecutor Default
    {
        get => Volatile.Read(ref s_default) ?? Interlocked.CompareExchange(ref s_default, new ThreadPoolExecutor(), null) ?? s_default!;
        set => Volatile.Write(ref s_default, value ?? throw new ArgumentNullException(nameof(value)));
    }
}
