using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0104: a shared System.Random used by workers.</summary>
public class SharedRandomTests
{
    [Fact]
    public Task Static_and_captured_Random_are_reported() => RaceVerifier.VerifyAsync("""
        static partial class Dice
        {
            static readonly Random rng = new Random(42);

            [Parallelizable]
            public static int Roll(int sides) => {|PG0104:rng.Next(sides)|} + 1;

            public static double[] Noise(int n)
            {
                var random = new Random();
                var result = new double[n];
                Parallel.For(0, n, i => result[i] = {|PG0104:random.NextDouble()|});
                return result;
            }
        }
        """);

    [Fact]
    public Task Message_names_the_Random_and_says_Random_Shared() => AssertMessage.Contains("""
        class C { static Random r = new(); void R() { Parallel.For(0, 9, i => r.Next()); } }
        """, "PG0104", "Worker 'Parallel.For' calls 'Next' on the shared Random static field 'C.r'", "Random.Shared");
}
