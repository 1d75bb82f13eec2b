using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// Code that uses the synthetic <c>[Parallelizable]</c> methods the way a project does, for the analyzer benchmarks:
/// the shapes the race, crossing and auto-parallelize rules look at (loops that call a method once per item, generated
/// wrappers given an executor or a process pool, <c>Parallel.For</c>, <c>Task.Run</c>, PLINQ), all safe, so the rules
/// bind and analyze them and report no race. Without these files the rules' syntactic screens reject every body of the
/// project and only the screens are measured.
/// </summary>
public static partial class SyntheticCompilation
{
    /// <summary>One file of callers for every <see cref="CallerStride"/>-th annotated type.</summary>
    public const int CallerStride = 5;

    /// <summary>The caller file of annotated type number <paramref name="index"/>.</summary>
    public static string CallerSource(int index)
    {
        var template = """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using ParallelGen;

            namespace Synthetic.Group$G;

            public static class Callers$I
            {
                private static readonly object Gate = new();
                private static int s_batches;

                public static int[] Squares(int[] values)
                {
                    var results = new int[values.Length];
                    for (var i = 0; i < values.Length; i++)
                    {
                        results[i] = Worker$I.Square$I(values[i]);
                    }

                    return results;
                }

                public static List<string> Labels(List<int> values)
                {
                    var labels = new List<string>();
                    foreach (var value in values)
                    {
                        labels.Add(Label(value));
                    }

                    return labels;
                }

                public static int[] Mapped(IEnumerable<int> values, IExecutor executor) =>
                    Worker$I.Square$IMap(values, new MapOptions { Executor = executor });

                public static int[] InProcesses(IEnumerable<int> values, ProcessPoolExecutor pool) =>
                    Worker$I.Square$IMap(values, new MapOptions { Executor = pool });

                public static Future<int> One(int value, IExecutor executor) => Worker$I.Square$ISubmit(value, executor);

                public static long Sum(int[] values)
                {
                    long total = 0;
                    Parallel.For(0, values.Length, i => Interlocked.Add(ref total, values[i]));
                    return total;
                }

                public static async Task<int> CountAsync(int[] values)
                {
                    var squares = await Task.WhenAll(values.Select(v => Task.Run(() => Worker$I.Square$I(v)))).ConfigureAwait(false);
                    lock (Gate)
                    {
                        s_batches++;
                    }

                    return squares.Sum();
                }

                public static int[] Doubled(int[] values) => values.AsParallel().AsOrdered().Select(v => v * 2).ToArray();

                private static string Label(int value) => "#" + value.ToString(CultureInfo.InvariantCulture);
            }

            """;
        return template
            .Replace("$G", (index % 10).ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
            .Replace("$I", index.ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>The synthetic project with its caller files (<see cref="CallerSource"/>), before the generator runs.</summary>
    public static CSharpCompilation CreateWithCallers() =>
        Create(ParseTrees().Concat(
            Enumerable.Range(0, TypeCount / CallerStride)
                .Select(static k => k * CallerStride)
                .Select(static i => CSharpSyntaxTree.ParseText(CallerSource(i), ParseOptions, path: "Callers" + i.ToString(CultureInfo.InvariantCulture) + ".cs"))));
}
