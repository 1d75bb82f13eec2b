using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>
/// Issue 13 point 4 (indices) as numerics code and micro benchmarks write it: non-injective indices (<c>i / 2</c>,
/// <c>i % k</c>), in-place reversal, neighbours in 2-D and jagged arrays, hand-made chunks (<c>start = c * size</c>),
/// strided (cyclic) distribution, distinct constant slots per thread.
/// </summary>
public static class PeerIndexSnippets
{
    public static IReadOnlyList<CorpusEntry> Racy { get; } = new CorpusEntry[]
    {
        new("peer_dictionary_distinct_keys_in_for", "PG0103", """
            public static class Squares
            {
                public static Dictionary<int, long> Run(int n)
                {
                    var map = new Dictionary<int, long>();
                    Parallel.For(0, n, i => { map[i] = (long)i * i; });
                    return map;
                }
            }
            """),
        new("peer_list_add_by_index_in_for", "PG0103", """
            public static class Build
            {
                public static List<int> Run(int n)
                {
                    var list = new List<int>();
                    Parallel.For(0, n, i => list.Insert(0, i));
                    return list;
                }
            }
            """),
        new("peer_half_index_accumulates", "PG0103", """
            public static class Pooling
            {
                public static double[] Run(double[] a)
                {
                    var b = new double[a.Length / 2 + 1];
                    Parallel.For(0, a.Length, i => { b[i / 2] += a[i]; });
                    return b;
                }
            }
            """),
        new("peer_modulo_bucket_accumulates", "PG0103", """
            public static class Buckets
            {
                public static int[] Run(int[] a, int k)
                {
                    var counts = new int[k];
                    Parallel.For(0, a.Length, i => counts[i % k] += a[i]);
                    return counts;
                }
            }
            """),
        new("peer_in_place_reverse", "PG0110", """
            public static class Reverse
            {
                public static void Run(int[] a)
                {
                    int n = a.Length;
                    Parallel.For(0, n, i => { a[n - 1 - i] = a[i]; });
                }
            }
            """),
        new("peer_add_into_next", "PG0110", """
            public static class Scan
            {
                public static void Run(int[] a) => Parallel.For(0, a.Length - 1, i => { a[i + 1] += a[i]; });
            }
            """),
        new("peer_double_index_reads_others", "PG0110", """
            public static class Gather
            {
                public static void Run(int[] a) => Parallel.For(0, a.Length / 2, i => { a[i] = a[2 * i]; });
            }
            """),
        new("peer_constant_slot_every_item", "PG0103", """
            public static class Stats
            {
                public static double Run(double[] xs)
                {
                    var acc = new double[2];
                    Parallel.For(0, xs.Length, i => { acc[0] += xs[i]; acc[1] += xs[i] * xs[i]; });
                    return acc[1] - acc[0] * acc[0];
                }
            }
            """),
        new("peer_partitioner_chunk_captured_sum", "PG0100", """
            public static class Sum
            {
                public static double Run(double[] a)
                {
                    double sum = 0;
                    Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, a.Length), r =>
                    {
                        for (int j = r.Item1; j < r.Item2; j++) sum += a[j];
                    });
                    return sum;
                }
            }
            """),
        new("peer_two_threads_same_constant_slot", "PG0109", """
            public static class Program
            {
                public static int[] Main()
                {
                    var res = new int[2];
                    var a = new Thread(() => res[0] = 1);
                    var b = new Thread(() => res[0] = 2);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                    return res;
                }
            }
            """),
        new("peer_2d_row_reads_previous_row", "PG0110", """
            public static class Wave
            {
                public static void Run(double[,] g)
                {
                    int rows = g.GetLength(0), cols = g.GetLength(1);
                    Parallel.For(1, rows, i => { for (int j = 0; j < cols; j++) g[i, j] = g[i - 1, j] * 0.5; });
                }
            }
            """),
        new("peer_jagged_row_reads_previous_row", "PG0110", """
            public static class Wave
            {
                public static void Run(double[][] rows)
                {
                    Parallel.For(1, rows.Length, i => { for (int j = 0; j < rows[i].Length; j++) rows[i][j] = rows[i - 1][j] + 1; });
                }
            }
            """),
        new("FN_chunk_reads_next_chunks_first_element", "PG0110", """
            public static class Smooth
            {
                public static void Run(double[] a, int chunks)
                {
                    int size = a.Length / chunks;
                    Parallel.For(0, chunks, c =>
                    {
                        int start = c * size, end = start + size;
                        for (int j = start; j < end; j++) a[j] = (a[j] + a[j + 1]) / 2;
                    });
                }
            }
            """),
    };

    public static IReadOnlyList<CorpusEntry> Safe { get; } = new CorpusEntry[]
    {
        new("peer_even_odd_pair_slots", null, """
            public static class Interleave
            {
                public static double[] Run(double[] re, double[] im)
                {
                    var z = new double[re.Length * 2];
                    Parallel.For(0, re.Length, i => { z[2 * i] = re[i]; z[2 * i + 1] = im[i]; });
                    return z;
                }
            }
            """),
        new("peer_reverse_into_copy", null, """
            public static class Reverse
            {
                public static int[] Run(int[] a)
                {
                    int n = a.Length;
                    var b = new int[n];
                    Parallel.For(0, n, i => { b[n - 1 - i] = a[i]; });
                    return b;
                }
            }
            """),
        new("peer_manual_chunks", null, """
            public static class Scale
            {
                public static void Run(double[] a, double k, int chunks)
                {
                    int size = (a.Length + chunks - 1) / chunks;
                    Parallel.For(0, chunks, c =>
                    {
                        int start = c * size;
                        int end = Math.Min(start + size, a.Length);
                        for (int j = start; j < end; j++) a[j] *= k;
                    });
                }
            }
            """),
        new("peer_partitioner_chunk_local_sum", null, """
            public static class Sum
            {
                public static double Run(double[] a)
                {
                    double total = 0;
                    var gate = new object();
                    Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, a.Length), r =>
                    {
                        double local = 0;
                        for (int j = r.Item1; j < r.Item2; j++) local += a[j];
                        lock (gate) total += local;
                    });
                    return total;
                }
            }
            """),
        new("peer_two_threads_distinct_constant_slots", null, """
            public static class Program
            {
                public static int[] Main()
                {
                    var res = new int[2];
                    var a = new Thread(() => res[0] = 1);
                    var b = new Thread(() => res[1] = 2);
                    a.Start(); b.Start();
                    a.Join(); b.Join();
                    return res;
                }
            }
            """),
        new("peer_2d_own_row", null, """
            public static class Fill
            {
                public static double[,] Run(int rows, int cols)
                {
                    var g = new double[rows, cols];
                    Parallel.For(0, rows, i => { for (int j = 0; j < cols; j++) g[i, j] = i * j; });
                    return g;
                }
            }
            """),
        new("peer_jagged_own_row", null, """
            public static class Fill
            {
                public static void Run(double[][] rows) =>
                    Parallel.For(0, rows.Length, i => { var row = rows[i]; for (int j = 0; j < row.Length; j++) row[j] = Math.Sqrt(row[j]); });
            }
            """),
        new("peer_strided_distribution", null, """
            public static class Cyclic
            {
                public static void Run(double[] a, int p)
                {
                    Parallel.For(0, p, t => { for (int j = t; j < a.Length; j += p) a[j] = a[j] * 2; });
                }
            }
            """),
        new("peer_stencil_double_buffer", null, """
            public static class Jacobi
            {
                public static double[] Run(double[] cur, int steps)
                {
                    var next = new double[cur.Length];
                    for (int s = 0; s < steps; s++)
                    {
                        Parallel.For(1, cur.Length - 1, i => next[i] = (cur[i - 1] + cur[i + 1]) / 2);
                        (cur, next) = (next, cur);
                    }
                    return cur;
                }
            }
            """),
        new("peer_matrix_vector_rows", null, """
            public static class Blas
            {
                public static double[] Run(double[,] m, double[] x)
                {
                    int rows = m.GetLength(0), cols = m.GetLength(1);
                    var y = new double[rows];
                    Parallel.For(0, rows, i =>
                    {
                        double s = 0;
                        for (int j = 0; j < cols; j++) s += m[i, j] * x[j];
                        y[i] = s;
                    });
                    return y;
                }
            }
            """),
    };
}
