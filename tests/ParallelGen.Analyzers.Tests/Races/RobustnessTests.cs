using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>The race analyzers on broken and extreme code: no analyzer exception (AD0001), no stack overflow.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("class C { void M() { Parallel.For(0, 10, i => { sum += ; }); } }")]
    [InlineData("class C { void M() { int s = 0; Parallel.ForEach(Missing(), x => s += x.Foo); } }")]
    [InlineData("static partial class P { [Parallelizable] static void W(List<int> l) { l.Add(; Unknown.X = 1; } }")]
    [InlineData("class C { void M() { Parallel.For(0, 10, Nope); Task.Run(() => ); new Thread(); } }")]
    [InlineData("static partial class P { [Parallelizable] public static int F(int x) => F(x) + G(x); static int G(int y) => G(y); }")]
    [InlineData("class C { static int n; void M() { var d = new ConcurrentDictionary<string,int>(); Parallel.For(0, 1, i => { if (d.ContainsKey( ) d[] = ; (n, ) = (1, 2); }); } }")]
    [InlineData("static partial class P { public static void FSubmit(int x) { } [Parallelizable] public static void F(in int x) { } static void U() { for(;;) FSubmit(); } }")]
    public async Task Broken_sources_do_not_make_the_analyzers_throw(string source)
    {
        var run = await AnalyzerRunner.RunAsync(new[] { source, RaceVerifier.GlobalUsings }, RaceVerifier.Analyzers());
        Assert.Empty(run.AnalyzerFailures);
    }

    [Fact]
    public async Task Deeply_nested_expressions_in_a_worker_do_not_overflow_the_walk()
    {
        var terms = string.Join(" + ", Enumerable.Range(0, 3000).Select(i => "x"));
        var source = "class C { static int n; void M() { Parallel.For(0, 10, x => { n = " + terms + "; }); } }";
        var run = await AnalyzerRunner.RunAsync(new[] { source, RaceVerifier.GlobalUsings }, RaceVerifier.Analyzers());
        Assert.Empty(run.AnalyzerFailures);
        Assert.Single(run.Diagnostics, d => d.Id == "PG0101");
    }

    [Fact]
    public async Task A_long_call_chain_is_cut_at_the_depth_limit_without_failing()
    {
        var methods = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"static void M{i}() => M{i + 1}();"));
        var source = "static class Chain { static int n;\n" + methods + "\nstatic void M40() { n++; }\n public static void Run() => Parallel.For(0, 9, i => M0()); }";
        var run = await AnalyzerRunner.RunAsync(new[] { source, RaceVerifier.GlobalUsings }, RaceVerifier.Analyzers());
        Assert.Empty(run.AnalyzerFailures);
        Assert.Empty(TestCompilation.Errors(run.Compilation));
    }
}
