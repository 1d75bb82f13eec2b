using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ParallelGen.Analyzers.Races;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>The entry point the auto-parallelize rules call: does a sequential loop body write shared state?</summary>
public class SharedStateQueryTests
{
    private const string Source = """
        class C
        {
            static int calls;
            static void Count() { calls++; }

            static void Loops(int[] xs, double[] ys)
            {
                long sum = 0;
                for (int i = 0; i < xs.Length; i++) { ys[i] = xs[i] * 2.0; }
                for (int i = 0; i < xs.Length; i++) { sum += xs[i]; }
                foreach (var x in xs) { Count(); }
                for (int i = 1; i < ys.Length; i++) { ys[i] = ys[i - 1]; }
            }
        }
        """;

    [Fact]
    public void Independent_body_has_no_shared_writes_and_dependent_bodies_name_theirs()
    {
        var compilation = TestCompilation.Create(Source, RaceVerifier.GlobalUsings);
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var context = SharedStateQuery.ContextFor(compilation, default);
        var loops = tree.GetRoot().DescendantNodes().Where(n => n is ForStatementSyntax or ForEachStatementSyntax).ToList();

        string[] Writes(int index)
        {
            var loop = (ILoopOperation)model.GetOperation(loops[index])!;
            ISymbol? variable = loop is IForEachLoopOperation each ? each.Locals.FirstOrDefault() : loop.Locals.FirstOrDefault();
            return SharedStateQuery.WritesOfBody(loop.Body, loop.Body.Syntax, variable, context).Select(w => w.RuleId).ToArray();
        }

        Assert.Empty(Writes(0));
        Assert.Equal(new[] { "PG0100" }, Writes(1));
        Assert.Equal(new[] { "PG0106" }, Writes(2));
        Assert.Equal(new[] { "PG0110" }, Writes(3));

        var count = compilation.GetTypeByMetadataName("C")!.GetMembers("Count").OfType<IMethodSymbol>().Single();
        Assert.Single(SharedStateQuery.WritesOfMethod(count, context));
    }
}
