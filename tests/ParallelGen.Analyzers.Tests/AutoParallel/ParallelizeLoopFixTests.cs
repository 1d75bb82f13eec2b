using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>
/// PG0201: a loop that calls a method of the compilation not yet [Parallelizable]; the fix annotates the method, makes
/// its types partial and rewrites the loop. The fixed code compiles only with the generator's output for the new
/// annotation, which the verifier's workspace produces.
/// </summary>
public class ParallelizeLoopFixTests
{
    [Fact]
    public Task Method_in_another_file_is_annotated_its_nested_types_made_partial_and_the_loop_rewritten() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;

        public static class Check
        {
            public static string Run()
            {
                var words = new[] { "alpha", "be", "gamma" };
                var lengths = new List<int>();
                {|PG0201:foreach|} (var word in words)
                {
                    lengths.Add(Text.Measures.Score(word));
                }

                return string.Join(",", lengths);
            }
        }
        """,
        """
        using System.Collections.Generic;

        public static class Check
        {
            public static string Run()
            {
                var words = new[] { "alpha", "be", "gamma" };
                var lengths = new List<int>();
                lengths.AddRange(Text.Measures.ScoreMap(words));

                return string.Join(",", lengths);
            }
        }
        """,
        """
        public static class Text
        {
            public static class Measures
            {
                /// <summary>A score.</summary>
                public static int Score(string word)
                {
                    var score = 0;
                    foreach (var c in word)
                    {
                        score = score * 31 + c;
                    }

                    return score;
                }
            }
        }
        """);

    [Fact]
    public Task Two_loops_calling_methods_of_one_type_in_the_same_file_are_fixed_together() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        internal sealed class Geometry
        {
            internal static double Area(double side) => side * side;

            private static async Task<string> DescribeAsync(double side, int digits)
            {
                await Task.Yield();
                return side.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);
            }

            internal static async Task<string> Report(List<double> sides)
            {
                var total = 0.0;
                {|PG0201:foreach|} (var side in sides)
                {
                    total += Area(side);
                }

                var texts = new List<string>();
                {|PG0201:foreach|} (var side in sides)
                {
                    texts.Add(await DescribeAsync(side, 2));
                }

                return total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", texts);
            }
        }

        public static class Check
        {
            public static Task<string> Run() => Geometry.Report(new List<double> { 1.5, 2, 0.25 });
        }
        """,
        """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using ParallelGen;

        internal sealed partial class Geometry
        {
            [Parallelizable]
            internal static double Area(double side) => side * side;

            [Parallelizable]
            private static async Task<string> DescribeAsync(double side, int digits)
            {
                await Task.Yield();
                return side.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);
            }

            internal static async Task<string> Report(List<double> sides)
            {
                var total = 0.0;
                total = AreaMap(sides).Aggregate(total, (total, item) => total + item);

                var texts = new List<string>();
                texts.AddRange(await DescribeMapAsync(sides.Select(side => (side, 2))));

                return total.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", texts);
            }
        }

        public static class Check
        {
            public static Task<string> Run() => Geometry.Report(new List<double> { 1.5, 2, 0.25 });
        }
        """);

    [Fact]
    public Task An_expression_of_the_item_alone_is_extracted_into_a_new_parallelizable_method() => AutoParallelVerifier.VerifyFixAsync(
        """
        using System;
        using System.Collections.Generic;

        namespace App;

        public static class Check
        {
            public static string Run()
            {
                var words = new List<string> { "alpha", "be", "gamma" };
                var scores = new List<string>();
                {|PG0201:foreach|} (var word in words)
                {
                    scores.Add(word.ToUpperInvariant() + Math.Sqrt(word.Length).ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
                }

                var ignored = 0;
                foreach (var word in words)
                {
                    scores.Add(word + ignored);
                }

                return string.Join(",", scores);
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using ParallelGen;

        namespace App;

        public static partial class Check
        {
            public static string Run()
            {
                var words = new List<string> { "alpha", "be", "gamma" };
                var scores = new List<string>();
                scores.AddRange(ComputeScoresMap(words));

                var ignored = 0;
                foreach (var word in words)
                {
                    scores.Add(word + ignored);
                }

                return string.Join(",", scores);
            }

            [Parallelizable]
            private static string ComputeScores(string word) => word.ToUpperInvariant() + Math.Sqrt(word.Length).ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
        }
        """);
}
