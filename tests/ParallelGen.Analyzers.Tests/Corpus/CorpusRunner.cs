using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Analyzers.Tests.Races;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>Runs every race analyzer on one corpus snippet and returns the race rule ids it reports.</summary>
public static class CorpusRunner
{
    public static IEnumerable<CorpusEntry> All => RacySnippets.All.Concat(ConcurrencySnippets.Racy).Concat(SafeSnippets.All).Concat(ConcurrencySnippets.Safe).Concat(PeerShapes);

    /// <summary>Issue 13 twins in the shapes another team's suite and real libraries use (the Peer*Snippets files).</summary>
    public static IEnumerable<CorpusEntry> PeerShapes =>
        PeerWindowSnippets.Racy.Concat(PeerWindowSnippets.Safe)
            .Concat(PeerSyncSnippets.Racy).Concat(PeerSyncSnippets.Safe)
            .Concat(PeerReachSnippets.Racy).Concat(PeerReachSnippets.Safe)
            .Concat(PeerIndexSnippets.Racy).Concat(PeerIndexSnippets.Safe)
            .Concat(PeerHelperSnippets.Racy).Concat(PeerHelperSnippets.Safe)
            .Concat(PeerMicroSnippets.Racy).Concat(PeerMicroSnippets.Safe);

    public static CorpusEntry Named(string name) => All.Single(e => e.Name == name);

    public static async Task<IReadOnlyList<string>> RaceIdsAsync(CorpusEntry entry)
    {
        var run = await AnalyzerRunner.RunAsync(new[] { entry.Code, RaceVerifier.GlobalUsings }, RaceVerifier.Analyzers());
        Assert.True(run.AnalyzerFailures.Count == 0, entry.Name + ": " + string.Join("\n", run.AnalyzerFailures));
        var errors = TestCompilation.Errors(run.Compilation);
        Assert.True(errors.Count == 0, entry.Name + " does not compile:\n" + string.Join("\n", errors));
        return run.Diagnostics.Select(d => d.Id).Where(id => string.CompareOrdinal(id, "PG0100") >= 0).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToList();
    }
}
