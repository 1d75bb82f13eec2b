using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Analyzers.Tests.Robustness;

/// <summary>
/// Every analyzer ParallelGen ships (found by reflection, usage and race rules alike) runs over every mutated variant of
/// the generator's shape sources and of the race sources — code as it looks while being typed — without throwing.
/// </summary>
public class MutatedSourceTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public MutatedSourceTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    private static IEnumerable<KeyValuePair<string, string>> Sources() =>
        typeof(ShapeSources).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new KeyValuePair<string, string>(f.Name, (string)f.GetRawConstantValue()!))
            .Concat(RaceShapeSources.All());

    [Fact]
    public void The_originals_compile_so_the_mutations_start_from_real_code()
    {
        foreach (var (name, source) in RaceShapeSources.All())
        {
            var errors = TestCompilation.Errors(TestCompilation.Create(source))
                .Where(e => !e.Contains("CS0103", StringComparison.Ordinal) && !e.Contains("CS1061", StringComparison.Ordinal)); // wrappers come from the generator
            Assert.True(!errors.Any(), name + ":\n" + string.Join("\n", errors));
        }
    }

    [Fact]
    public async Task No_analyzer_throws_on_any_of_at_least_2000_mutated_sources()
    {
        var variants = SourceMutator.Variants(Sources()).ToList();
        Assert.True(variants.Count >= 2000, $"Only {variants.Count} variants.");

        var analyzers = AllAnalyzers.Create();
        Assert.True(analyzers.Length >= 2, "Usage and race analyzers are expected.");
        var failures = new ConcurrentQueue<string>();
        var reported = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(variants, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (variant, _) =>
        {
            try
            {
                var run = await AnalyzerRunner.RunAsync(new[] { variant.Source }, analyzers).ConfigureAwait(false);
                foreach (var failure in run.AnalyzerFailures)
                {
                    failures.Enqueue($"{variant.Name}: {failure}");
                }

                foreach (var d in run.Diagnostics)
                {
                    reported.AddOrUpdate(d.Id, 1, (_, n) => n + 1);
                }
            }
            catch (Exception e)
            {
                failures.Enqueue($"{variant.Name}: {e}");
            }
        });

        _output.WriteLine($"{variants.Count} variants of {Sources().Count()} sources, {analyzers.Length} analyzers; reported: "
            + string.Join(", ", reported.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} x{kv.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {variants.Count} variants failed:\n" + string.Join("\n\n", failures.Take(10)));

        // The variants do reach the rules (the run is not vacuous).
        Assert.Contains("PG0001", reported.Keys);
        Assert.Contains("PG0005", reported.Keys);
        Assert.Contains(reported.Keys, id => string.CompareOrdinal(id, "PG0100") >= 0);
    }
}
