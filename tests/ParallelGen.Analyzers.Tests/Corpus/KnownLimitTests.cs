using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Known limits of the race analyzers, pinned: each test asserts today's (wrong) behaviour on the corpus entry of the
/// same name, so the limit stays visible and a fix shows up as a failing test to rename.
/// </summary>
public class KnownLimitTests
{
    /// <summary>
    /// A run-once worker (Task.Run, new Thread) that writes a captured local is reported only when it is started in a
    /// loop or a sibling delegate uses the local; a race with the launching method's own code is not seen, because
    /// telling it apart from the safe "assign, then await" pattern needs flow analysis across the await.
    /// </summary>
    [Fact]
    public async Task FN_task_run_once_races_with_caller() =>
        Assert.DoesNotContain("PG0100", await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_task_run_once_races_with_caller))));

    /// <summary>
    /// Items of Parallel.ForEach are assumed distinct and private to their work item; objects reachable from several
    /// items (a shared parent) are not tracked.
    /// </summary>
    [Fact]
    public async Task FN_items_share_a_parent_object() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_items_share_a_parent_object))));

    /// <summary>Calls through delegates (a lambda stored in a local or field) are not followed by the summaries.</summary>
    [Fact]
    public async Task FN_write_through_delegate_field() =>
        Assert.Empty(await CorpusRunner.RaceIdsAsync(CorpusRunner.Named(nameof(FN_write_through_delegate_field))));
}
