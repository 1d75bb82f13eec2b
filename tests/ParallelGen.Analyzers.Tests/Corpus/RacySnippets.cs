using System.Collections.Generic;

namespace ParallelGen.Analyzers.Tests.Corpus;

/// <summary>Racy snippets: each must produce its rule.</summary>
public static class RacySnippets
{
    public static IReadOnlyList<CorpusEntry> All { get; } = new CorpusEntry[]
    {
        new("captured_sum_in_parallel_for", "PG0100", """
            public static class Stats
            {
                public static long Total(int[] values)
                {
                    long sum = 0;
                    Parallel.For(0, values.Length, i => { sum += values[i]; });
                    return sum;
                }
            }
            """),
        new("captured_match_count_in_foreach", "PG0100", """
            public class LogScanner
            {
                public int CountErrors(string[] lines)
                {
                    var errors = 0;
                    Parallel.ForEach(lines, line =>
                    {
                        if (line.Contains("ERROR")) errors++;
                    });
                    return errors;
                }
            }
            """),
        new("captured_running_max", "PG0100", """
            public static class Peaks
            {
                public static double Highest(IEnumerable<double> readings)
                {
                    double max = double.MinValue;
                    Parallel.ForEach(readings, r =>
                    {
                        if (r > max) max = r;
                    });
                    return max;
                }
            }
            """),
        new("captured_counter_task_run_in_loop", "PG0100", """
            public class Uploader
            {
                public async Task<int> UploadAll(IEnumerable<string> files)
                {
                    int completed = 0;
                    var tasks = new List<Task>();
                    foreach (var file in files)
                    {
                        tasks.Add(Task.Run(() =>
                        {
                            System.Console.WriteLine("upload " + file);
                            completed++;
                        }));
                    }
                    await Task.WhenAll(tasks);
                    return completed;
                }
            }
            """),
        new("captured_bytes_in_foreach_async", "PG0100", """
            public class Downloader
            {
                public async Task<long> DownloadAsync(IEnumerable<string> urls, Func<string, CancellationToken, ValueTask<byte[]>> fetch)
                {
                    long downloaded = 0;
                    await Parallel.ForEachAsync(urls, async (url, ct) =>
                    {
                        var bytes = await fetch(url, ct);
                        downloaded += bytes.Length;
                    });
                    return downloaded;
                }
            }
            """),
        new("captured_string_log_concat", "PG0100", """
            public static class Report
            {
                public static string Build(string[] names)
                {
                    string log = "";
                    Parallel.ForEach(names, name => log += name + ";");
                    return log;
                }
            }
            """),
        new("captured_counter_in_plinq_select", "PG0100", """
            public static class Transformer
            {
                public static int[] Double(int[] input, out int processed)
                {
                    int count = 0;
                    var result = input.AsParallel().Select(x => { count++; return x * 2; }).ToArray();
                    processed = count;
                    return result;
                }
            }
            """),
        new("local_finally_plain_add", "PG0100", """
            public static class Sums
            {
                public static long Parallel(int[] data)
                {
                    long total = 0;
                    System.Threading.Tasks.Parallel.For(0, data.Length,
                        () => 0L,
                        (i, state, local) => local + data[i],
                        local => total += local);
                    return total;
                }
            }
            """),
        new("parallel_invoke_both_write_same_counter", "PG0100", """
            public static class Checks
            {
                public static int Failures(Func<bool> a, Func<bool> b)
                {
                    int failures = 0;
                    Parallel.Invoke(
                        () => { if (!a()) failures++; },
                        () => { if (!b()) failures++; });
                    return failures;
                }
            }
            """),
        new("plinq_forall_last_match", "PG0100", """
            public static class Finder
            {
                public static string? AnyLong(List<string> words)
                {
                    string? found = null;
                    words.AsParallel().Where(w => w.Length > 10).ForAll(w => found = w);
                    return found;
                }
            }
            """),
        new("static_counter_in_parallelizable", "PG0101", """
            public static partial class Thumbnails
            {
                private static int generated;

                [Parallelizable]
                public static byte[] Make(string path, int size)
                {
                    generated++;
                    return new byte[size];
                }
            }
            """),
        new("static_last_error_in_catch", "PG0101", """
            public static class Importer
            {
                public static string? LastError;

                public static void Import(string[] rows, Action<string> save)
                {
                    Parallel.ForEach(rows, row =>
                    {
                        try { save(row); }
                        catch (Exception ex) { LastError = ex.Message; }
                    });
                }
            }
            """),
        new("static_auto_property_progress", "PG0101", """
            public static class Progress
            {
                public static int Completed { get; private set; }

                public static void Process(IList<string> jobs) =>
                    Parallel.ForEach(jobs, job => { System.Console.WriteLine(job); Completed++; });
            }
            """),
        new("static_lazy_init_by_hand", "PG0101", """
            public static partial class Geo
            {
                private static Dictionary<string, string>? countries;

                [Parallelizable]
                public static string Country(string code)
                {
                    if (countries == null)
                    {
                        countries = new Dictionary<string, string> { ["fr"] = "France" };
                    }
                    return countries.TryGetValue(code, out var name) ? name : "?";
                }
            }
            """),
        new("static_total_in_plinq_forall", "PG0101", """
            public static class Billing
            {
                static decimal revenue;

                public static decimal Sum(IEnumerable<decimal> invoices)
                {
                    invoices.AsParallel().ForAll(amount => revenue += amount);
                    return revenue;
                }
            }
            """),
        new("static_status_from_start_new", "PG0101", """
            public static class Service
            {
                public static string Status = "idle";

                public static Task Start(Action work) => Task.Factory.StartNew(() =>
                {
                    Status = "running";
                    work();
                    Status = "idle";
                });
            }
            """),
        new("static_accumulator_double", "PG0101", """
            public static class Physics
            {
                static double energy;

                public static double Energy(double[] masses, double[] speeds)
                {
                    energy = 0;
                    Parallel.For(0, masses.Length, i => energy += 0.5 * masses[i] * speeds[i] * speeds[i]);
                    return energy;
                }
            }
            """),
        new("instance_processed_count", "PG0102", """
            public partial class OrderProcessor
            {
                private int processed;

                [Parallelizable]
                public decimal Process(decimal amount, decimal taxRate)
                {
                    processed++;
                    return amount * (1 + taxRate);
                }
            }
            """),
        new("instance_bytes_in_lambda", "PG0102", """
            public class Hasher
            {
                private long bytesHashed;

                public void HashAll(IEnumerable<byte[]> blobs)
                {
                    Parallel.ForEach(blobs, blob =>
                    {
                        var h = System.Security.Cryptography.SHA256.HashData(blob);
                        bytesHashed += blob.Length;
                    });
                }
            }
            """),
        new("captured_stats_object_field", "PG0102", """
            public class BatchStats { public int Failures; public int Successes; }

            public static class Batch
            {
                public static BatchStats Run(IEnumerable<Func<bool>> jobs)
                {
                    var stats = new BatchStats();
                    Parallel.ForEach(jobs, job =>
                    {
                        if (job()) stats.Successes++; else stats.Failures++;
                    });
                    return stats;
                }
            }
            """),
        new("instance_auto_property_last_run", "PG0102", """
            public partial class Scheduler
            {
                public DateTime LastRun { get; set; }

                [Parallelizable]
                public void RunJob(string name)
                {
                    LastRun = DateTime.UtcNow;
                    System.Console.WriteLine(name);
                }
            }
            """),
        new("instance_best_candidate", "PG0102", """
            public partial class Optimizer
            {
                private double bestScore = double.MinValue;
                private double[]? best;

                [Parallelizable]
                public void Evaluate(double[] candidate)
                {
                    var score = candidate.Sum();
                    if (score > bestScore)
                    {
                        this.bestScore = score;
                        this.best = candidate;
                    }
                }
            }
            """),
        new("list_add_in_foreach", "PG0103", """
            public static class Validator
            {
                public static List<string> Invalid(IEnumerable<string> emails)
                {
                    var invalid = new List<string>();
                    Parallel.ForEach(emails, email =>
                    {
                        if (!email.Contains('@')) invalid.Add(email);
                    });
                    return invalid;
                }
            }
            """),
        new("dictionary_indexer_in_foreach", "PG0103", """
            public static class Index
            {
                public static Dictionary<string, int> Lengths(string[] words)
                {
                    var lengths = new Dictionary<string, int>();
                    Parallel.ForEach(words, w => lengths[w] = w.Length);
                    return lengths;
                }
            }
            """),
        new("static_hashset_in_parallelizable", "PG0103", """
            public static partial class Crawler
            {
                private static readonly HashSet<string> visited = new();

                [Parallelizable]
                public static int Visit(string url)
                {
                    visited.Add(url);
                    return url.Length;
                }
            }
            """),
        new("stringbuilder_append_in_for", "PG0103", """
            public static class Csv
            {
                public static string Render(string[][] rows)
                {
                    var sb = new StringBuilder();
                    Parallel.For(0, rows.Length, i => sb.AppendLine(string.Join(",", rows[i])));
                    return sb.ToString();
                }
            }
            """),
        new("queue_field_enqueue", "PG0103", """
            public partial class Mailer
            {
                private readonly Queue<string> outbox = new();

                [Parallelizable]
                public void Compose(string to, string subject)
                {
                    outbox.Enqueue($"{to}: {subject}");
                }
            }
            """),
        new("histogram_bucket_increment", "PG0103", """
            public static class Histogram
            {
                public static int[] Build(int[] ages)
                {
                    var buckets = new int[10];
                    Parallel.ForEach(ages, age => buckets[Math.Min(age / 10, 9)]++);
                    return buckets;
                }
            }
            """),
        new("list_remove_in_forall", "PG0103", """
            public static class Cleanup
            {
                public static void RemoveExpired(List<DateTime> entries, DateTime now)
                {
                    entries.ToArray().AsParallel().Where(e => e < now).ForAll(e => entries.Remove(e));
                }
            }
            """),
        new("sorted_dictionary_add", "PG0103", """
            public static class Leaderboard
            {
                public static SortedDictionary<int, string> Rank(IEnumerable<(string Name, int Score)> players)
                {
                    var board = new SortedDictionary<int, string>();
                    Parallel.ForEach(players, p => board.Add(p.Score, p.Name));
                    return board;
                }
            }
            """),
        new("static_dictionary_tryadd_task_run_loop", "PG0103", """
            public static class Warmup
            {
                static readonly Dictionary<string, int> sizes = new();

                public static Task All(string[] keys) =>
                    Task.WhenAll(keys.Select(k => Task.Run(() => sizes.TryAdd(k, k.Length))));
            }
            """),
        new("array_slot_from_captured_cursor", "PG0103", """
            public static class Compactor
            {
                public static int[] NonZero(int[] input)
                {
                    var output = new int[input.Length];
                    int next = 0;
                    Parallel.ForEach(input, x =>
                    {
                        if (x != 0) output[Interlocked.Increment(ref next) % output.Length] = x;
                    });
                    return output;
                }
            }
            """),
        new("captured_parameter_list_task_run", "PG0103", """
            public class Loader
            {
                public Task LoadInto(List<string> target, string[] sources) => Task.Run(() =>
                {
                    foreach (var s in sources) target.Add(s.Trim());
                });
            }
            """),
        new("word_count_dictionary_increment", "PG0103", """
            public static class WordCount
            {
                public static Dictionary<string, int> Count(string[] docs)
                {
                    var counts = new Dictionary<string, int>();
                    foreach (var d in docs) counts[d] = 0;
                    Parallel.ForEach(docs, doc => counts[doc]++);
                    return counts;
                }
            }
            """),
        new("list_addrange_in_foreach", "PG0103", """
            public static class Flatten
            {
                public static List<int> All(IEnumerable<int[]> chunks)
                {
                    var all = new List<int>();
                    Parallel.ForEach(chunks, chunk => all.AddRange(chunk));
                    return all;
                }
            }
            """),
        new("hashset_unionwith", "PG0103", """
            public partial class TagIndex
            {
                private readonly HashSet<string> tags = new();

                [Parallelizable]
                public void Add(string[] postTags) => tags.UnionWith(postTags);
            }
            """),
        new("static_random_in_parallelizable", "PG0104", """
            public static partial class Simulation
            {
                private static readonly Random rng = new Random(1234);

                [Parallelizable]
                public static double Trial(int steps)
                {
                    double x = 0;
                    for (int i = 0; i < steps; i++) x += rng.NextDouble() - 0.5;
                    return x;
                }
            }
            """),
        new("captured_random_in_for", "PG0104", """
            public static class Noise
            {
                public static float[] White(int n)
                {
                    var random = new Random();
                    var samples = new float[n];
                    Parallel.For(0, n, i => samples[i] = (float)random.NextDouble());
                    return samples;
                }
            }
            """),
        new("instance_random_field", "PG0104", """
            public partial class Shuffler
            {
                private readonly Random random = new();

                [Parallelizable]
                public int[] Shuffle(int[] deck)
                {
                    var copy = (int[])deck.Clone();
                    random.Shuffle(copy);
                    return copy;
                }
            }
            """),
        new("random_parameter_in_plinq", "PG0104", """
            public static class Sampler
            {
                public static int[] Pick(int[] population, Random random) =>
                    population.AsParallel().Select(p => p * random.Next(1, 10)).ToArray();
            }
            """),
        new("random_bytes_task_run_loop", "PG0104", """
            public class TokenFactory
            {
                private static readonly Random Rng = new();

                public Task<byte[]>[] Tokens(int count)
                {
                    var tasks = new Task<byte[]>[count];
                    for (int i = 0; i < count; i++)
                    {
                        tasks[i] = Task.Run(() => { var b = new byte[16]; Rng.NextBytes(b); return b; });
                    }
                    return tasks;
                }
            }
            """),
        new("submit_loop_shared_list", "PG0105", """
            public static partial class Extractor
            {
                [Parallelizable]
                public static void ExtractLinks(string html, List<string> links)
                {
                    foreach (var part in html.Split("href=")) links.Add(part);
                }

                public static Future ExtractLinksSubmit(string html, List<string> links, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            public static class Use
            {
                public static List<string> All(string[] pages)
                {
                    var links = new List<string>();
                    var futures = new List<Future>();
                    foreach (var page in pages)
                        futures.Add(Extractor.ExtractLinksSubmit(page, links));
                    return links;
                }
            }
            """),
        new("map_tuples_capture_shared_builder", "PG0105", """
            public static partial class Pages
            {
                [Parallelizable]
                public static void Render(string title, StringBuilder output) => output.Append("<h1>").Append(title).Append("</h1>");

                public static void RenderMap(IEnumerable<(string title, StringBuilder output)> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            }

            public static class Site
            {
                public static string Build(string[] titles)
                {
                    var html = new StringBuilder();
                    Pages.RenderMap(titles.Select(t => (t, html)));
                    return html.ToString();
                }
            }
            """),
        new("submit_for_loop_shared_dictionary", "PG0105", """
            public partial class Geocoder
            {
                [Parallelizable]
                public void Resolve(string address, Dictionary<string, (double, double)> cache)
                {
                    cache[address] = (0, 0);
                }

                public Future ResolveSubmit(string address, Dictionary<string, (double, double)> cache, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

                public void All(string[] addresses)
                {
                    var cache = new Dictionary<string, (double, double)>();
                    for (int i = 0; i < addresses.Length; i++)
                        ResolveSubmit(addresses[i], cache);
                }
            }
            """),
        new("submit_loop_shared_field_sink", "PG0105", """
            public sealed class Metrics { public long Rows; }

            public partial class Exporter
            {
                private readonly Metrics metrics = new();

                [Parallelizable(Name = "Export")]
                public static void ExportBatch(int[] batch, Metrics metrics) => metrics.Rows += batch.Length;

                public static Future ExportSubmit(int[] batch, Metrics metrics, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

                public void Run(IEnumerable<int[]> batches)
                {
                    foreach (var batch in batches) ExportSubmit(batch, metrics);
                }
            }
            """),
        new("call_static_logger_list", "PG0106", """
            public static class Log
            {
                private static readonly List<string> lines = new();
                public static void Info(string message) => lines.Add(DateTime.UtcNow + " " + message);
            }

            public static partial class Jobs
            {
                [Parallelizable]
                public static int Run(string job)
                {
                    Log.Info("start " + job);
                    return job.Length;
                }
            }
            """),
        new("call_static_counter_helper", "PG0106", """
            public static class Telemetry
            {
                private static int events;
                public static void Track() { events++; }
            }

            public static class Worker
            {
                public static void ProcessAll(int[] items) =>
                    Parallel.ForEach(items, item => { Telemetry.Track(); });
            }
            """),
        new("call_own_tracking_method", "PG0106", """
            public partial class Resizer
            {
                private int resized;
                private void Track(string path) { resized++; }

                [Parallelizable]
                public byte[] Resize(string path, int width)
                {
                    Track(path);
                    return new byte[width];
                }
            }
            """),
        new("call_captured_cache_store", "PG0106", """
            public class SimpleCache
            {
                private readonly Dictionary<string, string> entries = new();
                public void Store(string key, string value) => entries[key] = value;
            }

            public static class Prefetch
            {
                public static void Run(string[] keys)
                {
                    var cache = new SimpleCache();
                    Parallel.ForEach(keys, k => cache.Store(k, k.ToUpperInvariant()));
                }
            }
            """),
        new("method_group_writes_static", "PG0106", """
            public static class Indexer
            {
                private static int indexed;

                private static void IndexOne(string doc)
                {
                    indexed++;
                }

                public static void IndexAll(string[] docs) => Parallel.ForEach(docs, IndexOne);
            }
            """),
        new("call_two_levels_deep", "PG0106", """
            public static class Audit
            {
                private static readonly List<string> trail = new();
                public static void Record(string what) => Append(what);
                private static void Append(string what) => trail.Add(what);
            }

            public static partial class Payments
            {
                [Parallelizable]
                public static bool Charge(string account, decimal amount)
                {
                    Audit.Record(account + amount);
                    return true;
                }
            }
            """),
        new("call_passing_captured_list", "PG0106", """
            public static class Parser
            {
                static void Collect(List<int> into, string token)
                {
                    if (int.TryParse(token, out var n)) into.Add(n);
                }

                public static List<int> Numbers(string[] tokens)
                {
                    var numbers = new List<int>();
                    Parallel.ForEach(tokens, t => Collect(numbers, t));
                    return numbers;
                }
            }
            """),
        new("property_setter_with_logic", "PG0106", """
            public static class Settings
            {
                private static string current = "";
                private static int changes;
                public static string Current
                {
                    get => current;
                    set { current = value; changes++; }
                }
            }

            public static partial class Tenants
            {
                [Parallelizable]
                public static void Activate(string tenant) => Settings.Current = tenant;
            }
            """),
        new("constructor_counts_instances", "PG0106", """
            public sealed class Connection
            {
                private static int open;
                public Connection(string cs) { open++; ConnectionString = cs; }
                public string ConnectionString { get; }
            }

            public static partial class Db
            {
                [Parallelizable]
                public static int Query(string sql)
                {
                    var c = new Connection("server=.");
                    return sql.Length + c.ConnectionString.Length;
                }
            }
            """),
        new("concurrent_containskey_then_set", "PG0107", """
            public static partial class Thumbs
            {
                private static readonly ConcurrentDictionary<string, byte[]> cache = new();

                [Parallelizable]
                public static byte[] Get(string path)
                {
                    if (!cache.ContainsKey(path))
                    {
                        cache[path] = new byte[path.Length];
                    }
                    return cache[path];
                }
            }
            """),
        new("concurrent_trygetvalue_then_update", "PG0107", """
            public static class Inventory
            {
                public static void Reserve(ConcurrentDictionary<string, int> stock, string[] orders)
                {
                    Parallel.ForEach(orders, sku =>
                    {
                        if (stock.TryGetValue(sku, out var left) && left > 0)
                        {
                            stock[sku] = left - 1;
                        }
                    });
                }
            }
            """),
        new("concurrent_indexer_increment", "PG0107", """
            public static class Hits
            {
                public static ConcurrentDictionary<string, int> Count(IEnumerable<string> urls)
                {
                    var hits = new ConcurrentDictionary<string, int>();
                    foreach (var u in urls) hits[u] = 0;
                    Parallel.ForEach(urls, url => hits[url]++);
                    return hits;
                }
            }
            """),
        new("concurrent_containskey_then_tryadd", "PG0107", """
            public partial class Compiler
            {
                private readonly ConcurrentDictionary<string, string> compiled = new();

                [Parallelizable]
                public void Compile(string file)
                {
                    if (!compiled.ContainsKey(file))
                    {
                        compiled.TryAdd(file, file.ToUpperInvariant());
                    }
                }
            }
            """),
        new("concurrent_read_then_write_back", "PG0107", """
            public static class Balances
            {
                public static void Apply(ConcurrentDictionary<string, decimal> accounts, (string Id, decimal Delta)[] moves)
                {
                    Parallel.ForEach(moves, m => accounts[m.Id] = accounts[m.Id] + m.Delta);
                }
            }
            """),
        new("concurrent_trygetvalue_else_add", "PG0107", """
            public static class Groups
            {
                public static void Group(string[] names, ConcurrentDictionary<char, int> byLetter)
                {
                    Parallel.ForEach(names, n =>
                    {
                        if (byLetter.TryGetValue(n[0], out var count)) byLetter[n[0]] = count + 1;
                        else byLetter.TryAdd(n[0], 1);
                    });
                }
            }
            """),
        new("threadpool_queue_pending_decrement", "PG0100", """
            public static class Fanout
            {
                public static void Start(Action[] actions)
                {
                    int pending = actions.Length;
                    foreach (var action in actions)
                    {
                        ThreadPool.QueueUserWorkItem(_ => { action(); pending--; });
                    }
                }
            }
            """),
        new("executor_submit_writes_static", "PG0101", """
            public static class Reports
            {
                static int generated;

                public static Future<int> Generate(IExecutor executor, string name) =>
                    executor.Submit(ct => { generated++; return new ValueTask<int>(name.Length); });
            }
            """),
        new("executor_map_adds_to_captured_list", "PG0103", """
            public static class Resolver
            {
                public static List<string> Resolve(IExecutor executor, string[] hosts)
                {
                    var failed = new List<string>();
                    executor.Map(hosts, h =>
                    {
                        if (h.Length == 0) failed.Add(h);
                        return h.Length;
                    });
                    return failed;
                }
            }
            """),
        new("captured_struct_field", "PG0100", """
            public struct Bounds { public int Min; public int Max; }

            public static class Range
            {
                public static Bounds Of(int[] xs)
                {
                    var b = new Bounds { Min = int.MaxValue, Max = int.MinValue };
                    Parallel.ForEach(xs, x =>
                    {
                        if (x < b.Min) b.Min = x;
                        if (x > b.Max) b.Max = x;
                    });
                    return b;
                }
            }
            """),
        new("plinq_where_side_effect_list", "PG0103", """
            public static class Filter
            {
                public static int[] Positives(int[] xs, List<int> rejected) =>
                    xs.AsParallel().Where(x =>
                    {
                        if (x <= 0) { rejected.Add(x); return false; }
                        return true;
                    }).ToArray();
            }
            """),
        new("random_in_foreach_async", "PG0104", """
            public class Jitter
            {
                private readonly Random random = new();

                public Task DelayAll(IEnumerable<string> hosts) =>
                    Parallel.ForEachAsync(hosts, async (host, ct) =>
                    {
                        await Task.Delay(random.Next(10, 100), ct);
                    });
            }
            """),
        new("FN_items_share_a_parent_object", "PG0102", """
            public sealed class Folder { public long Size; }
            public sealed class FileEntry { public FileEntry(Folder parent, long size) { Parent = parent; Size = size; } public Folder Parent { get; } public long Size { get; } }

            public static class DiskUsage
            {
                public static void Sum(IEnumerable<FileEntry> files) =>
                    Parallel.ForEach(files, f => f.Parent.Size += f.Size);
            }
            """),
        new("write_through_delegate_variable", "PG0106", """
            public static class Events
            {
                public static int Run(int[] xs)
                {
                    int seen = 0;
                    Action<int> onItem = x => seen++;
                    Parallel.ForEach(xs, x => onItem(x));
                    return seen;
                }
            }
            """),
        new("FN_event_handler_subscribed_elsewhere", "PG0106", """
            public class Feed
            {
                public event Action<int>? Item;
                public int Count;
                public Feed() { Item += _ => Count++; }
                public void Run(int[] xs) => Parallel.ForEach(xs, x => Item?.Invoke(x));
            }
            """),
        new("FN_write_through_ref_return", "PG0106", """
            public static class Slots
            {
                static readonly int[] data = new int[4];
                static ref int First() => ref data[0];
                public static void Run() => Parallel.For(0, 8, i => First()++);
            }
            """),
    };
}
