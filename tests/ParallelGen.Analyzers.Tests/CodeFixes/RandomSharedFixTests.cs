using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>PG0104: a shared Random is replaced by Random.Shared.</summary>
public class RandomSharedFixTests
{
    private static Task<string> Fix(string markup, string expected) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new UseRandomSharedCodeFix() }.VerifyAsync(markup, expected);

    [Fact]
    public Task A_static_Random_field_is_replaced_and_removed() => Fix("""
        using System;
        using ParallelGen;

        public static partial class Dice
        {
            private static readonly Random rng = new Random();

            [Parallelizable]
            public static int Roll(int sides) => {|PG0104:rng.Next(1, sides + 1)|};

            public static double Noise() => rng.NextDouble();
        }
        """, """
        using System;
        using ParallelGen;

        public static partial class Dice
        {
            [Parallelizable]
            public static int Roll(int sides) => Random.Shared.Next(1, sides + 1);

            public static double Noise() => Random.Shared.NextDouble();
        }
        """);

    [Fact]
    public Task A_captured_Random_used_elsewhere_keeps_its_declaration() => Fix("""
        using System;
        using System.Threading.Tasks;

        public static class Sampler
        {
            public static double[] Sample(int n, Random seeded)
            {
                var rng = new Random(42);
                var samples = new double[n];
                Parallel.For(0, n, i => samples[i] = {|PG0104:rng.NextDouble()|});
                Keep(rng);
                return samples;
            }

            private static void Keep(Random r) { }
        }
        """, """
        using System;
        using System.Threading.Tasks;

        public static class Sampler
        {
            public static double[] Sample(int n, Random seeded)
            {
                var rng = new Random(42);
                var samples = new double[n];
                Parallel.For(0, n, i => samples[i] = Random.Shared.NextDouble());
                Keep(rng);
                return samples;
            }

            private static void Keep(Random r) { }
        }
        """);
}
