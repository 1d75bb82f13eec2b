using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Issue 13 point 3 (reach) in shapes the corpus did not have: a user indexer with a colliding index, operators,
/// <c>Deconstruct</c> and <c>Dispose</c> that count, PLINQ query syntax through a filter method, ref locals,
/// deconstructing swaps, <c>ref</c>/<c>out</c> arguments into statics, extension methods and local functions.
/// </summary>
public static class PeerReachSnippets
{
    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("peer_user_indexer_colliding_index", "PG0106", """
            public sealed class Grid
            {
                private readonly int[] cells = new int[3];
                public int this[int index] { get => cells[index]; set => cells[index] = value; }
            }
            public static class Program
            {
                public static void Run(Grid grid) => Parallel.For(0, 30, i => grid[i % 3] = i);
            }
            """),
        new("peer_operator_counts_static", "PG0106", """
            public readonly struct Money
            {
                public static int Operations;
                public Money(decimal amount) => Amount = amount;
                public decimal Amount { get; }
                public static Money operator +(Money a, Money b) { Operations++; return new Money(a.Amount + b.Amount); }
            }
            public static class Ledger
            {
                public static Money[] Run(Money[] xs, Money fee) => xs.AsParallel().Select(x => x + fee).ToArray();
            }
            """),
        new("peer_deconstruct_counts_static", "PG0106", """
            public sealed class Pair
            {
                public static int Reads;
                public int A, B;
                public void Deconstruct(out int a, out int b) { Reads++; a = A; b = B; }
            }
            public static class Program
            {
                public static void Run(Pair[] pairs) => Parallel.ForEach(pairs, p => { var (a, b) = p; System.Console.WriteLine(a + b); });
            }
            """),
        new("peer_using_scope_dispose_static", "PG0106", """
            public sealed class Scope : IDisposable
            {
                public static int Depth;
                public Scope() { }
                public void Dispose() { Depth--; }
            }
            public static class Program
            {
                public static void Run(int[] xs) => Parallel.ForEach(xs, x => { using (new Scope()) { System.Console.WriteLine(x); } });
            }
            """),
        new("peer_plinq_query_filter_logs", "PG0106", """
            public static class Filter
            {
                static readonly List<int> rejected = new();
                static bool Keep(int x) { if (x % 3 == 0) { rejected.Add(x); return false; } return true; }
                public static int[] Run(int[] xs) => (from x in xs.AsParallel() where Keep(x) select x * 2).ToArray();
            }
            """),
        new("peer_ref_local_to_shared_element", "PG0103", """
            public static class Totals
            {
                public static int Run(int[] xs)
                {
                    var totals = new int[1];
                    Parallel.For(0, xs.Length, i => { ref int slot = ref totals[0]; slot += xs[i]; });
                    return totals[0];
                }
            }
            """),
        new("peer_swap_static_fields_by_tuple", "PG0101", """
            public static class Buffers
            {
                static int[] front = new int[4], back = new int[4];
                public static void Run() => Parallel.For(0, 4, i => { (front, back) = (back, front); });
            }
            """),
        new("peer_array_resize_ref_static", "PG0101", """
            public static class Log
            {
                static string[] lines = new string[1];
                public static void Run(string[] xs) => Parallel.ForEach(xs, x => Array.Resize(ref lines, lines.Length + 1));
            }
            """),
        new("peer_try_parse_out_static", "PG0101", """
            public static class Parser
            {
                static int last;
                public static void Run(string[] xs) => Parallel.ForEach(xs, s => { if (int.TryParse(s, out last)) System.Console.WriteLine(last); });
            }
            """),
        new("peer_extension_method_adds", "PG0106", """
            public static class ListExtensions
            {
                public static void Record(this List<int> list, int x) => list.Add(x);
            }
            public static class Program
            {
                public static List<int> Run(int[] xs)
                {
                    var seen = new List<int>();
                    Parallel.ForEach(xs, x => seen.Record(x));
                    return seen;
                }
            }
            """),
        new("peer_local_function_bumps_captured", "PG0106", """
            public static class Program
            {
                public static int Run(int[] xs)
                {
                    int hits = 0;
                    void Bump() => hits++;
                    Parallel.ForEach(xs, x => { if (x > 0) Bump(); });
                    return hits;
                }
            }
            """),
        new("peer_func_variable_in_plinq_select", "PG0100", """
            public static class Program
            {
                public static int[] Run(int[] xs)
                {
                    int calls = 0;
                    Func<int, int> twice = x => { calls++; return x * 2; };
                    return xs.AsParallel().Select(twice).ToArray();
                }
            }
            """),
        new("peer_property_setter_on_shared_settings", "PG0102", """
            public sealed class Settings { public int Retries { get; set; } }
            public static class Program
            {
                public static void Run(Settings settings, int[] xs) => Parallel.ForEach(xs, x => settings.Retries = x);
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("peer_user_indexer_own_index", null, """
            public sealed class Grid
            {
                private readonly int[] cells = new int[30];
                public int this[int index] { get => cells[index]; set => cells[index] = value; }
            }
            public static class Program
            {
                public static void Run(Grid grid) => Parallel.For(0, 30, i => grid[i] = i);
            }
            """),
        new("peer_pure_operator_in_plinq", null, """
            public readonly struct Vec
            {
                public Vec(double x, double y) { X = x; Y = y; }
                public double X { get; }
                public double Y { get; }
                public static Vec operator +(Vec a, Vec b) => new Vec(a.X + b.X, a.Y + b.Y);
            }
            public static class Program
            {
                public static Vec[] Run(Vec[] xs, Vec offset) => xs.AsParallel().Select(x => x + offset).ToArray();
            }
            """),
        new("peer_pure_deconstruct_of_item", null, """
            public sealed class Pair
            {
                public int A, B;
                public void Deconstruct(out int a, out int b) { a = A; b = B; }
            }
            public static class Program
            {
                public static int[] Run(Pair[] pairs)
                {
                    var sums = new int[pairs.Length];
                    Parallel.For(0, pairs.Length, i => { var (a, b) = pairs[i]; sums[i] = a + b; });
                    return sums;
                }
            }
            """),
        new("peer_using_own_buffer_dispose", null, """
            public sealed class Buffer : IDisposable
            {
                private int[]? data = new int[16];
                public void Write(int x) => data![0] = x;
                public void Dispose() { data = null; }
            }
            public static class Program
            {
                public static void Run(int[] xs) => Parallel.ForEach(xs, x => { using var buf = new Buffer(); buf.Write(x); });
            }
            """),
        new("peer_plinq_query_pure", null, """
            public static class Squares
            {
                public static int[] Run(int[] xs) => (from x in xs.AsParallel() where x % 2 == 0 let y = x * x select y + 1).ToArray();
            }
            """),
        new("peer_ref_local_own_slot", null, """
            public static class Doubling
            {
                public static int[] Run(int[] xs)
                {
                    var results = new int[xs.Length];
                    Parallel.For(0, xs.Length, i => { ref int slot = ref results[i]; slot = xs[i] * 2; });
                    return results;
                }
            }
            """),
        new("peer_stackalloc_scratch", null, """
            public static class Hashing
            {
                public static int[] Run(int[] xs)
                {
                    var results = new int[xs.Length];
                    Parallel.For(0, xs.Length, i =>
                    {
                        Span<int> tmp = stackalloc int[4];
                        tmp[0] = xs[i]; tmp[1] = tmp[0] * 31;
                        results[i] = tmp[1];
                    });
                    return results;
                }
            }
            """),
        new("peer_static_event_subscribe_in_parallel", null, """
            public static class Hub
            {
                static event Action<int>? Changed;
                public static void Run(int[] xs)
                {
                    Parallel.ForEach(xs, x => Changed += v => System.Console.WriteLine(v + x));
                    Changed?.Invoke(1);
                }
            }
            """),
        new("peer_local_function_pure", null, """
            public static class Program
            {
                public static int[] Run(int[] xs)
                {
                    var ys = new int[xs.Length];
                    int Square(int v) => v * v;
                    Parallel.For(0, xs.Length, i => ys[i] = Square(xs[i]));
                    return ys;
                }
            }
            """),
        new("peer_try_parse_out_local", null, """
            public static class Parser
            {
                public static int[] Run(string[] xs)
                {
                    var values = new int[xs.Length];
                    Parallel.For(0, xs.Length, i => { if (int.TryParse(xs[i], out var v)) values[i] = v; });
                    return values;
                }
            }
            """),
    };
}
