#if PARALLELGEN_SHIM
// Stand-in for the generator's output until src/Generator emits the wrappers: the same members, calling the same
// runtime entry points (ParallelGen.Infrastructure.GeneratedSupport). Compiled only with PARALLELGEN_SHIM defined.
using ParallelGen.Infrastructure;

namespace ParallelGen.Benchmarks.Workloads;

public static partial class Work
{
    private static readonly ParallelMethod SquareMethod = new("M:ParallelGen.Benchmarks.Workloads.Work.Square(System.Int32)", 0, 0);
    private static readonly ParallelMethod UniformMethod = new("M:ParallelGen.Benchmarks.Workloads.Work.Uniform(System.Int32)", 0, 0);
    private static readonly ParallelMethod SkewedMethod = new("M:ParallelGen.Benchmarks.Workloads.Work.Skewed(System.Int32)", 0, 0);
    private static readonly ParallelMethod WaitMethod = new("M:ParallelGen.Benchmarks.Workloads.Work.Wait(System.Int32)", 0, 0);
    private static readonly ParallelMethod NothingMethod = new("M:ParallelGen.Benchmarks.Workloads.Work.Nothing(System.Int32)", 0, 0);

    public static int[] SquareMap(IEnumerable<int> items, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        GeneratedSupport.Map(SquareMethod, items, WorkBody<int, int>.Sync((x, _) => Square(x)), options, cancellationToken);

    public static IAsyncEnumerable<Completed<int, int>> SquareAsCompleted(IEnumerable<int> items, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        GeneratedSupport.AsCompleted(SquareMethod, items, WorkBody<int, int>.Sync((x, _) => Square(x)), options, cancellationToken);

    public static ulong[] UniformMap(IEnumerable<int> items, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        GeneratedSupport.Map(UniformMethod, items, WorkBody<int, ulong>.Sync((x, _) => Uniform(x)), options, cancellationToken);

    public static ulong[] SkewedMap(IEnumerable<int> items, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        GeneratedSupport.Map(SkewedMethod, items, WorkBody<int, ulong>.Sync((x, _) => Skewed(x)), options, cancellationToken);

    public static Task WaitMapAsync(IEnumerable<int> items, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        GeneratedSupport.MapVoidAsync(WaitMethod, items, WorkBody<int, NoResult>.Async(async (x, _) => { await Wait(x).ConfigureAwait(false); return default; }), options, cancellationToken);

    public static int[] NothingMap(IEnumerable<int> items, MapOptions? options = null, CancellationToken cancellationToken = default) =>
        GeneratedSupport.Map(NothingMethod, items, WorkBody<int, int>.Sync((x, _) => Nothing(x)), options, cancellationToken);
}
#endif
