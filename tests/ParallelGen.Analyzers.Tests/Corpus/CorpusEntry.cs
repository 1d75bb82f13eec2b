namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// One snippet of the race corpus, written as users write code: a small compilable file (the usual usings are global)
/// and the rule it must trigger, or null for a safe look-alike that must stay silent.
/// A name starting with <c>FN_</c> or <c>FP_</c> marks a known miss; each has a test of the same name in
/// <see cref="KnownLimitTests"/> that pins the current (wrong) behaviour so the limit stays visible.
/// </summary>
public sealed record CorpusEntry(string Name, string? ExpectedId, string Code)
{
    public bool IsRacy => ExpectedId is not null;

    public bool IsKnownMiss => Name.StartsWith("FN_", System.StringComparison.Ordinal) || Name.StartsWith("FP_", System.StringComparison.Ordinal);

    public override string ToString() => Name;
}
