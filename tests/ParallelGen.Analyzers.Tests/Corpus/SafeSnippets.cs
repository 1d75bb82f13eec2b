using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>Safe look-alikes: each resembles a racy snippet but is correct, and must stay silent.</summary>
public static class SafeSnippets
{
    public static IReadOnlyList<CorpusEntry> All { get; } = new CorpusEntry[]
    {
        new("results_at_loop_index", null, """
            public static class Squares
            {
                public static double[] Of(double[] xs)
                {
                    var results = new double[xs.Length];
                    Parallel.For(0, xs.Length, i => results[i] = xs[i] * xs[i]);
                    return results;
                }
            }
            """),
        new("local_init_finally_interlocked", null, """
            public static class Sums
            {
                public static long Total(int[] data)
                {
                    long total = 0;
                    Parallel.For(0, data.Length, () => 0L, (i, _, local) => local + data[i], local => Interlocked.Add(ref total, local));
                    return total;
                }
            }
            """),
        new("plinq_sum", null, """
            public static class Stats
            {
                public static long Total(int[] values) => values.AsParallel().Select(v => (long)v).Sum();
            }
            """),
        new("concurrent_bag_collect", null, """
            public static class Validator
            {
                public static List<string> Invalid(IEnumerable<string> emails)
                {
                    var invalid = new ConcurrentBag<string>();
                    Parallel.ForEach(emails, e => { if (!e.Contains('@')) invalid.Add(e); });
                    return invalid.ToList();
                }
            }
            """),
        new("concurrent_add_or_update_word_count", null, """
            public static class WordCount
            {
                public static ConcurrentDictionary<string, int> Count(string[] words)
                {
                    var counts = new ConcurrentDictionary<string, int>();
                    Parallel.ForEach(words, w => counts.AddOrUpdate(w, 1, (_, n) => n + 1));
                    return counts;
                }
            }
            """),
        new("interlocked_static_counter", null, """
            public static partial class Thumbnails
            {
                private static int generated;

                [Parallelizable]
                public static byte[] Make(string path, int size)
                {
                    Interlocked.Increment(ref generated);
                    return new byte[size];
                }
            }
            """),
        new("lock_around_list_add", null, """
            public static class Collector
            {
                public static List<int> Evens(int[] xs)
                {
                    var evens = new List<int>();
                    var gate = new object();
                    Parallel.ForEach(xs, x => { if (x % 2 == 0) { lock (gate) evens.Add(x); } });
                    return evens;
                }
            }
            """),
        new("lock_enter_scope_dictionary", null, """
            public partial class Registry
            {
                private readonly Lock sync = new();
                private readonly Dictionary<string, int> ports = new();

                [Parallelizable]
                public void Register(string name, int port)
                {
                    using (sync.EnterScope())
                    {
                        ports[name] = port;
                    }
                }
            }
            """),
        new("semaphore_around_list_async", null, """
            public class Crawler
            {
                private readonly SemaphoreSlim gate = new(1, 1);
                private readonly List<string> pages = new();

                public Task Crawl(IEnumerable<string> urls) =>
                    Parallel.ForEachAsync(urls, async (url, ct) =>
                    {
                        await gate.WaitAsync(ct);
                        try { pages.Add(url); }
                        finally { gate.Release(); }
                    });
            }
            """),
        new("random_shared_noise", null, """
            public static class Noise
            {
                public static float[] White(int n)
                {
                    var samples = new float[n];
                    Parallel.For(0, n, i => samples[i] = (float)Random.Shared.NextDouble());
                    return samples;
                }
            }
            """),
        new("thread_local_random", null, """
            public static partial class Simulation
            {
                private static readonly ThreadLocal<Random> rng = new(() => new Random());

                [Parallelizable]
                public static double Trial(int steps)
                {
                    double x = 0;
                    for (int i = 0; i < steps; i++) x += rng.Value!.NextDouble() - 0.5;
                    return x;
                }
            }
            """),
        new("thread_static_buffer", null, """
            public static partial class Formatter
            {
                [ThreadStatic] private static StringBuilder? buffer;

                [Parallelizable]
                public static string Format(int id, string name)
                {
                    buffer ??= new StringBuilder();
                    buffer.Clear();
                    buffer.Append(id).Append(':').Append(name);
                    return buffer.ToString();
                }
            }
            """),
        new("async_local_correlation", null, """
            public static partial class Requests
            {
                private static readonly AsyncLocal<string?> correlation = new();

                [Parallelizable]
                public static async Task<int> Handle(string id)
                {
                    correlation.Value = id;
                    await Task.Yield();
                    return correlation.Value!.Length;
                }
            }
            """),
        new("local_builder_in_parallelizable", null, """
            public static partial class Csv
            {
                [Parallelizable]
                public static string Row(string[] cells)
                {
                    var sb = new StringBuilder();
                    foreach (var c in cells) sb.Append(c).Append(',');
                    return sb.ToString();
                }
            }
            """),
        new("local_list_in_lambda", null, """
            public static class Tokenizer
            {
                public static List<string>[] Split(string[] lines)
                {
                    var result = new List<string>[lines.Length];
                    Parallel.For(0, lines.Length, i =>
                    {
                        var tokens = new List<string>();
                        foreach (var t in lines[i].Split(' ')) tokens.Add(t);
                        result[i] = tokens;
                    });
                    return result;
                }
            }
            """),
        new("parallel_invoke_distinct_results", null, """
            public static class MergeSort
            {
                public static int[] Sort(int[] xs)
                {
                    if (xs.Length < 2) return xs;
                    int[] left = xs[..(xs.Length / 2)], right = xs[(xs.Length / 2)..];
                    Parallel.Invoke(() => left = Sort(left), () => right = Sort(right));
                    return left.Concat(right).OrderBy(x => x).ToArray();
                }
            }
            """),
        new("task_run_single_result", null, """
            public static class Report
            {
                public static async Task<string> Build(Func<string> slow)
                {
                    string body = "";
                    await Task.Run(() => { body = slow(); });
                    return body;
                }
            }
            """),
        new("channel_writer_in_workers", null, """
            public static class Pipeline
            {
                public static async Task Produce(int[] items, Channel<int> output)
                {
                    await Parallel.ForEachAsync(items, async (x, ct) => await output.Writer.WriteAsync(x * 2, ct));
                    output.Writer.Complete();
                }
            }
            """),
        new("immutable_list_add_returns_new", null, """
            public static partial class Primes
            {
                private static readonly ImmutableList<int> small = ImmutableList.Create(2, 3, 5, 7);

                [Parallelizable]
                public static int Count(int extra)
                {
                    var all = small.Add(extra);
                    return all.Count;
                }
            }
            """),
        new("record_with_expression", null, """
            public sealed record Order(string Id, decimal Total, string Status);

            public static partial class Orders
            {
                [Parallelizable]
                public static Order Ship(Order order) => order with { Status = "shipped" };
            }
            """),
        new("frozen_dictionary_lookup", null, """
            public static partial class Currency
            {
                private static readonly FrozenDictionary<string, decimal> rates =
                    new Dictionary<string, decimal> { ["EUR"] = 1.1m }.ToFrozenDictionary();

                [Parallelizable]
                public static decimal ToUsd(string code, decimal amount) => rates.TryGetValue(code, out var r) ? amount * r : amount;
            }
            """),
        new("read_only_dictionary_lookup", null, """
            public static class Translator
            {
                public static string[] Translate(string[] words, Dictionary<string, string> glossary) =>
                    words.AsParallel().AsOrdered().Select(w => glossary.TryGetValue(w, out var t) ? t : w).ToArray();
            }
            """),
        new("static_readonly_config_read", null, """
            public static partial class Limits
            {
                private static readonly int MaxSize = 1024;
                private static readonly string[] Blocked = { "exe", "dll" };

                [Parallelizable]
                public static bool Accept(string name, int size) => size <= MaxSize && !Blocked.Contains(name.Split('.').Last());
            }
            """),
        new("value_parameter_modified", null, """
            public static partial class Geometry
            {
                [Parallelizable]
                public static double Normalize(double angle)
                {
                    while (angle < 0) angle += 360;
                    while (angle >= 360) angle -= 360;
                    return angle;
                }
            }
            """),
        new("sequential_loop_modifies_list", null, """
            public static class Sequential
            {
                static int total;

                public static List<int> Evens(int[] xs)
                {
                    var evens = new List<int>();
                    foreach (var x in xs) { if (x % 2 == 0) evens.Add(x); total += x; }
                    return evens;
                }
            }
            """),
        new("linq_select_with_side_effect_sequential", null, """
            public static class Counting
            {
                public static int[] Doubled(int[] xs, out int count)
                {
                    int n = 0;
                    var result = xs.Select(x => { n++; return x * 2; }).ToArray();
                    count = n;
                    return result;
                }
            }
            """),
        new("lazy_static_factory", null, """
            public static partial class Geo
            {
                private static int loads;
                private static readonly Lazy<Dictionary<string, string>> countries = new(() =>
                {
                    loads++;
                    return new Dictionary<string, string> { ["fr"] = "France" };
                });

                [Parallelizable]
                public static string Country(string code) => countries.Value.TryGetValue(code, out var n) ? n : "?";
            }
            """),
        new("static_constructor_fills_table", null, """
            public static partial class Crc
            {
                private static readonly uint[] table = new uint[256];

                static Crc()
                {
                    for (uint i = 0; i < 256; i++) table[i] = i * 0xEDB88320u;
                }

                [Parallelizable]
                public static uint Hash(byte[] data)
                {
                    uint crc = 0;
                    foreach (var b in data) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
                    return crc;
                }
            }
            """),
        new("monitor_enter_exit", null, """
            public partial class Ledger
            {
                private readonly object sync = new();
                private decimal balance;

                [Parallelizable]
                public void Post(decimal amount)
                {
                    bool taken = false;
                    try
                    {
                        Monitor.Enter(sync, ref taken);
                        balance += amount;
                    }
                    finally
                    {
                        if (taken) Monitor.Exit(sync);
                    }
                }
            }
            """),
        new("volatile_stop_flag", null, """
            public class Search
            {
                private bool found;

                public void Run(int[] xs, int target) =>
                    Parallel.ForEach(xs, x => { if (x == target) Volatile.Write(ref found, true); });
            }
            """),
        new("interlocked_compare_exchange_max", null, """
            public static class Peaks
            {
                public static int Highest(int[] xs)
                {
                    int max = int.MinValue;
                    Parallel.ForEach(xs, x =>
                    {
                        int seen;
                        do { seen = Volatile.Read(ref max); if (x <= seen) return; }
                        while (Interlocked.CompareExchange(ref max, x, seen) != seen);
                    });
                    return max;
                }
            }
            """),
        new("instance_method_reads_fields_only", null, """
            public partial class PriceList
            {
                private readonly Dictionary<string, decimal> prices = new() { ["a"] = 1m };
                private readonly decimal discount = 0.1m;

                [Parallelizable]
                public decimal Quote(string sku, int qty) => prices.TryGetValue(sku, out var p) ? p * qty * (1 - discount) : 0;
            }
            """),
        new("object_created_inside_worker_mutated", null, """
            public sealed class Accumulator
            {
                private long sum;
                public void Add(long x) { sum += x; }
                public long Sum => sum;
            }

            public static partial class Batches
            {
                [Parallelizable]
                public static long Total(long[] batch)
                {
                    var acc = new Accumulator();
                    foreach (var x in batch) acc.Add(x);
                    return acc.Sum;
                }
            }
            """),
        new("helper_writes_only_locals", null, """
            public static class Text
            {
                public static string Reverse(string s)
                {
                    var chars = s.ToCharArray();
                    Array.Reverse(chars);
                    return new string(chars);
                }
            }

            public static partial class Words
            {
                [Parallelizable]
                public static string Flip(string word) => Text.Reverse(word);
            }
            """),
        new("helper_locks_inside", null, """
            public static class Journal
            {
                private static readonly object gate = new();
                private static readonly List<string> entries = new();
                public static void Write(string line) { lock (gate) { entries.Add(line); } }
            }

            public static class Jobs
            {
                public static void Run(string[] jobs) => Parallel.ForEach(jobs, j => Journal.Write(j));
            }
            """),
        new("foreach_index_overload", null, """
            public static class Labels
            {
                public static string[] Number(IEnumerable<string> names, int count)
                {
                    var labels = new string[count];
                    Parallel.ForEach(names, (name, state, index) => labels[index] = index + ": " + name);
                    return labels;
                }
            }
            """),
        new("concurrent_queue_task_run_loop", null, """
            public static class Probe
            {
                public static async Task<int> Ping(string[] hosts)
                {
                    var alive = new ConcurrentQueue<string>();
                    var tasks = new List<Task>();
                    foreach (var h in hosts) tasks.Add(Task.Run(() => { if (h.Length > 0) alive.Enqueue(h); }));
                    await Task.WhenAll(tasks);
                    return alive.Count;
                }
            }
            """),
        new("submit_fresh_object_per_iteration", null, """
            public static partial class Extractor
            {
                [Parallelizable]
                public static void ExtractLinks(string html, List<string> links) => links.Add(html);

                public static Future ExtractLinksSubmit(string html, List<string> links, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            public static class Use
            {
                public static void All(string[] pages)
                {
                    foreach (var page in pages)
                    {
                        var links = new List<string>();
                        Extractor.ExtractLinksSubmit(page, links);
                    }
                }
            }
            """),
        new("map_fresh_object_per_tuple", null, """
            public static partial class Pages
            {
                [Parallelizable]
                public static string Render(string title, StringBuilder output) => output.Append(title).ToString();

                public static string[] RenderMap(IEnumerable<(string title, StringBuilder output)> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            public static class Site
            {
                public static string[] Build(string[] titles) => Pages.RenderMap(titles.Select(t => (t, new StringBuilder())));
            }
            """),
        new("submit_shared_read_only_options", null, """
            public sealed class ResizeOptions { public int Width { get; init; } public int Quality { get; init; } }

            public static partial class Images
            {
                [Parallelizable]
                public static int Resize(string path, ResizeOptions options) => path.Length * options.Width;

                public static Future<int> ResizeSubmit(string path, ResizeOptions options, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            public static class Gallery
            {
                public static void Build(string[] paths)
                {
                    var options = new ResizeOptions { Width = 200, Quality = 80 };
                    foreach (var p in paths) Images.ResizeSubmit(p, options);
                }
            }
            """),
        new("map_shared_string_argument", null, """
            public static partial class Greeter
            {
                [Parallelizable]
                public static string Greet(string name, string template) => template.Replace("{name}", name);

                public static string[] GreetMap(IEnumerable<(string name, string template)> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            public static class Mail
            {
                public static string[] All(string[] names)
                {
                    var template = "Hello {name}";
                    return Greeter.GreetMap(names.Select(n => (n, template)));
                }
            }
            """),
        new("immutable_interlocked_update", null, """
            public static partial class Seen
            {
                private static ImmutableHashSet<string> urls = ImmutableHashSet<string>.Empty;

                [Parallelizable]
                public static bool Visit(string url) => ImmutableInterlocked.Update(ref urls, s => s.Add(url));
            }
            """),
        new("interlocked_exchange_reference", null, """
            public static partial class Latest
            {
                private static string? last;

                [Parallelizable]
                public static void Observe(string value) => Interlocked.Exchange(ref last, value);
            }
            """),
        new("reader_writer_lock_write", null, """
            public partial class Catalog
            {
                private readonly ReaderWriterLockSlim rw = new();
                private readonly Dictionary<int, string> items = new();

                [Parallelizable]
                public void Upsert(int id, string name)
                {
                    rw.EnterWriteLock();
                    try { items[id] = name; }
                    finally { rw.ExitWriteLock(); }
                }
            }
            """),
        new("compound_at_loop_index", null, """
            public static class Smoothing
            {
                public static void AddBias(double[] signal, double bias) =>
                    Parallel.For(0, signal.Length, i => signal[i] += bias);
            }
            """),
        new("concurrent_get_or_add_factory", null, """
            public static partial class Thumbs
            {
                private static readonly ConcurrentDictionary<string, byte[]> cache = new();

                [Parallelizable]
                public static byte[] Get(string path) => cache.GetOrAdd(path, p => new byte[p.Length]);
            }
            """),
        new("locals_inside_worker_loop", null, """
            public static partial class Matrix
            {
                [Parallelizable]
                public static double RowSum(double[] row)
                {
                    double sum = 0;
                    int n = 0;
                    foreach (var v in row) { sum += v; n++; }
                    return n == 0 ? 0 : sum;
                }
            }
            """),
        new("worker_builds_own_dictionary", null, """
            public static partial class Freq
            {
                [Parallelizable]
                public static Dictionary<char, int> Letters(string text)
                {
                    var counts = new Dictionary<char, int>();
                    foreach (var c in text) counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
                    return counts;
                }
            }
            """),
        new("task_when_all_results", null, """
            public static class Sizes
            {
                public static async Task<long> Total(string[] paths)
                {
                    var tasks = paths.Select(p => Task.Run(() => (long)p.Length));
                    var sizes = await Task.WhenAll(tasks);
                    return sizes.Sum();
                }
            }
            """),
        new("plinq_aggregate_with_seed_factory", null, """
            public static class Histogram
            {
                public static int[] Build(int[] ages) =>
                    ages.AsParallel().Aggregate(
                        () => new int[10],
                        (local, age) => { local[Math.Min(age / 10, 9)]++; return local; },
                        (a, b) => { for (int i = 0; i < 10; i++) a[i] += b[i]; return a; },
                        final => final);
            }
            """),
        new("out_var_inside_worker", null, """
            public static class Parse
            {
                public static int[] Numbers(string[] tokens)
                {
                    var result = new int[tokens.Length];
                    Parallel.For(0, tokens.Length, i =>
                    {
                        if (int.TryParse(tokens[i], out var n)) result[i] = n;
                    });
                    return result;
                }
            }
            """),
        new("captured_options_read_only", null, """
            public sealed class Options { public bool Verbose { get; set; } public string Prefix { get; set; } = ""; }

            public static class Printer
            {
                public static string[] Render(string[] lines, Options options) =>
                    lines.AsParallel().Select(l => options.Verbose ? options.Prefix + l : l).ToArray();
            }
            """),
        new("instance_field_interlocked", null, """
            public partial class Downloader
            {
                private long bytes;

                [Parallelizable]
                public int Download(string url)
                {
                    var data = new byte[url.Length];
                    Interlocked.Add(ref bytes, data.Length);
                    return data.Length;
                }
            }
            """),
        new("list_indexer_at_loop_index", null, """
            public static class Names
            {
                public static List<string> Upper(List<string> names)
                {
                    var result = new List<string>(names);
                    Parallel.For(0, result.Count, i => result[i] = result[i].ToUpperInvariant());
                    return result;
                }
            }
            """),
        new("cancellation_source_cancel", null, """
            public static class Search
            {
                public static void FindFirst(int[] xs, int target)
                {
                    using var cts = new CancellationTokenSource();
                    try
                    {
                        Parallel.ForEach(xs, new ParallelOptions { CancellationToken = cts.Token }, x => { if (x == target) cts.Cancel(); });
                    }
                    catch (OperationCanceledException) { }
                }
            }
            """),
        new("worker_writes_its_own_item", null, """
            public sealed class Order { public decimal[] Lines = Array.Empty<decimal>(); public decimal Total; }

            public static class Totals
            {
                public static void Compute(List<Order> orders) => Parallel.ForEach(orders, o => o.Total = o.Lines.Sum());
            }
            """),
        new("mutex_wait_release", null, """
            public static partial class Spool
            {
                private static readonly Mutex mutex = new();
                private static readonly Queue<string> jobs = new();

                [Parallelizable]
                public static void Enqueue(string job)
                {
                    mutex.WaitOne();
                    try { jobs.Enqueue(job); }
                    finally { mutex.ReleaseMutex(); }
                }
            }
            """),
        new("spinlock_enter_exit", null, """
            public static class Counter
            {
                private static SpinLock spin = new(false);
                private static long hits;

                public static void Hit(int[] xs) => Parallel.ForEach(xs, x =>
                {
                    bool taken = false;
                    try { spin.Enter(ref taken); hits += x; }
                    finally { if (taken) spin.Exit(); }
                });
            }
            """),
        new("nested_lambda_local_accumulation", null, """
            public static class Groups
            {
                public static int[] Sums(List<List<int>> groups)
                {
                    var sums = new int[groups.Count];
                    Parallel.For(0, groups.Count, i =>
                    {
                        int local = 0;
                        groups[i].ForEach(x => local += x);
                        sums[i] = local;
                    });
                    return sums;
                }
            }
            """),
        new("thread_join_single_result", null, """
            public static class Background
            {
                public static string Load(Func<string> read)
                {
                    string? text = null;
                    var t = new Thread(() => text = read());
                    t.Start();
                    t.Join();
                    return text ?? "";
                }
            }
            """),
        new("concurrent_check_then_act_under_lock", null, """
            public static partial class Sessions
            {
                private static readonly ConcurrentDictionary<string, int> active = new();
                private static readonly object gate = new();

                [Parallelizable]
                public static void Open(string user)
                {
                    lock (gate)
                    {
                        if (!active.ContainsKey(user)) active[user] = 1;
                    }
                }
            }
            """),
        new("countdown_event_with_interlocked", null, """
            public static class Fanout
            {
                public static void Run(Action[] actions)
                {
                    int failures = 0;
                    using var done = new CountdownEvent(actions.Length);
                    foreach (var a in actions)
                    {
                        ThreadPool.QueueUserWorkItem(_ =>
                        {
                            try { a(); } catch { Interlocked.Increment(ref failures); }
                            finally { done.Signal(); }
                        });
                    }
                    done.Wait();
                }
            }
            """),
        new("volatile_read_flag", null, """
            public class Scanner
            {
                private bool cancelled;
                public void Cancel() => Volatile.Write(ref cancelled, true);

                public int Scan(int[] xs)
                {
                    var hits = xs.AsParallel().Count(x => !Volatile.Read(ref cancelled) && x > 0);
                    return hits;
                }
            }
            """),
        new("matrix_row_alias_of_loop_index", null, """
            public static class Matrix2
            {
                public static double[,] Scale(double[,] m, double k)
                {
                    int rows = m.GetLength(0), cols = m.GetLength(1);
                    var result = new double[rows, cols];
                    Parallel.For(0, rows, r =>
                    {
                        for (int c = 0; c < cols; c++) result[r, c] = m[r, c] * k;
                    });
                    return result;
                }
            }
            """),
        new("semaphore_sync_wait_release", null, """
            public static partial class Printer3D
            {
                private static readonly SemaphoreSlim one = new(1, 1);
                private static int jobsPrinted;

                [Parallelizable]
                public static void Print(string model)
                {
                    one.Wait();
                    try { jobsPrinted++; }
                    finally { one.Release(); }
                }
            }
            """),
    };
}
