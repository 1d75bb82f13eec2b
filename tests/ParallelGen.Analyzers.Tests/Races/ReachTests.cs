using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>Issue 13, point 3: writes reached through delegates, operators, property getters, indexer setters and Dispose.</summary>
public class ReachTests
{
    [Fact]
    public Task Delegate_variable_invoked_in_a_worker_is_followed() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int Run(int n)
            {
                int hits = 0;
                Action hit = () => hits++;
                Parallel.For(0, n, i => {|PG0106:hit()|});
                return hits;
            }
        }
        """);

    [Fact]
    public Task Implicit_calls_are_followed() => RaceVerifier.VerifyAsync("""
        class Meter
        {
            public static int Created;
            public static int Reads;
            readonly int[] slots = new int[8];

            public int Value { get { Reads++; return 1; } }
            public int this[int i] { get => slots[i]; set { Created = value; slots[i] = value; } }
            public static Meter operator +(Meter a, Meter b) { Created++; return a; }
        }

        sealed class Scope : IDisposable
        {
            public static int Open;
            public void Dispose() { Open--; }
        }

        class C
        {
            static void Run(Meter m, Meter other, int n)
            {
                Parallel.For(0, n, i =>
                {
                    var v = {|PG0106:m.Value|};
                    {|PG0106:m[i] = v|};
                    var sum = {|PG0106:m + other|};
                    {|PG0106:using (new Scope()) { }|}
                });
            }
        }
        """);
}
