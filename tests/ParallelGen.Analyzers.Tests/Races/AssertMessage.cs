using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>Checks the text of a race diagnostic: it names the shared symbol and the worker and says what to do.</summary>
public static class AssertMessage
{
    public static async Task Contains(string source, string id, params string[] fragments)
    {
        var run = await AnalyzerRunner.RunAsync(new[] { source, RaceVerifier.GlobalUsings }, RaceVerifier.Analyzers());
        Assert.Empty(run.AnalyzerFailures);
        Assert.Empty(TestCompilation.Errors(run.Compilation));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, message, System.StringComparison.Ordinal);
        }

        Assert.Equal($"https://github.com/parallelgen/parallelgen/blob/main/docs/rules/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.True(run.Diagnostics.All(d => d.Location.IsInSource));
    }
}
