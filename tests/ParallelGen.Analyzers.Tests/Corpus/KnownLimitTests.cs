using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Known limits of the race analyzers, pinned: each test asserts today's (wrong) behaviour on the corpus entry of the
/// same name, so the limit stays visible and a fix shows up as a failing test to rename.
/// </summary>
public class KnownLimitTests
{
    /// <summary>
    /// Items of Parallel.ForEach are assumed distinct and private to their work item; objects reachable from several
    /// items (a shared parent) are not tracked.
    /// </summary>
    [Fact]
    public async Task FN_items_share_a_parent_object() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_items_share_a_parent_object))));

    /// <summary>
    /// A delegate held in a variable or field is followed to the lambda it is initialized with; handlers added to an
    /// event with += elsewhere (or delegates passed in as arguments) are not: the analysis would need to track every
    /// subscription in the program.
    /// </summary>
    [Fact]
    public async Task FN_event_handler_subscribed_elsewhere() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_event_handler_subscribed_elsewhere))));

    /// <summary>
    /// A write through a ref-returning member (<c>First()++</c> where <c>First</c> returns <c>ref data[0]</c>) is not
    /// mapped to the storage the callee returns; nor are writes through pointers, stackalloc or fixed buffers.
    /// </summary>
    [Fact]
    public async Task FN_write_through_ref_return() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_write_through_ref_return))));

    /// <summary>
    /// Hand-made chunks (<c>start = c * size</c>, <c>for (j = start; j &lt; end; j++)</c>) are owned by the chunk, and
    /// a read one past the chunk (<c>a[j + 1]</c> at <c>j = end - 1</c>) is not compared with the next chunk's writes:
    /// the loop bounds are not evaluated.
    /// </summary>
    [Fact]
    public async Task FN_chunk_reads_next_chunks_first_element() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_chunk_reads_next_chunks_first_element))));

    /// <summary>
    /// Row operations passed as a struct implementing an interface (ImageSharp's <c>IRowOperation</c> shape) rather than
    /// a delegate: the helper runs <c>op.Invoke(y)</c> in Parallel.For on a type parameter, and the call is not followed
    /// to the struct's method, so what it writes is not seen. Helpers taking delegates are followed.
    /// </summary>
    [Fact]
    public async Task FN_struct_row_operation_counts_in_shared_field() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_struct_row_operation_counts_in_shared_field))));

    /// <summary>Summaries follow at most <c>SummaryCache.MaxDepth</c> (8) nested calls; a write deeper than that is not seen.</summary>
    [Fact]
    public async Task FN_write_more_than_eight_calls_deep()
    {
        var source = """
            static class Chain
            {
                static int n;
                static void A1() => A2(); static void A2() => A3(); static void A3() => A4(); static void A4() => A5();
                static void A5() => A6(); static void A6() => A7(); static void A7() => A8(); static void A8() => A9();
                static void A9() => A10(); static void A10() { n++; }
                static void B1() => B2(); static void B2() => B3(); static void B3() { n++; }
                public static void Run() => Parallel.For(0, 9, i => { A1(); B1(); });
            }
            """;
        var run = await ParallelGen.Analyzers.Tests.Infrastructure.AnalyzerRunner.RunAsync(new[] { source, ParallelGen.Analyzers.Tests.Races.RaceVerifier.GlobalUsings }, ParallelGen.Analyzers.Tests.Races.RaceVerifier.Analyzers());
        var reported = Assert.Single(run.Diagnostics);
        Assert.Equal("PG0106", reported.Id);
        Assert.Equal("B1()", reported.Location.SourceTree!.ToString().Substring(reported.Location.SourceSpan.Start, reported.Location.SourceSpan.Length));
    }

    /// <summary>
    /// A static method that changes an array or collection it is given (Array.Sort, Array.Fill, Array.Reverse) is not
    /// known to mutate it: only instance methods of the collection types and CollectionExtensions are.
    /// </summary>
    [Fact]
    public async Task FN_static_helper_sorts_a_shared_array()
    {
        var source = """
            static class Sorter
            {
                static readonly int[] shared = { 3, 1, 2 };
                public static void Run() => Parallel.For(0, 4, i => Array.Sort(shared));
            }
            """;
        var run = await ParallelGen.Analyzers.Tests.Infrastructure.AnalyzerRunner.RunAsync(new[] { source, ParallelGen.Analyzers.Tests.Races.RaceVerifier.GlobalUsings }, ParallelGen.Analyzers.Tests.Races.RaceVerifier.Analyzers());
        Assert.Empty(run.Diagnostics);
    }
}
