using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>PG0103: a shared List/Dictionary becomes the concurrent collection, type and initializer together.</summary>
public class ConcurrentCollectionFixTests
{
    private static Task<string> Fix(string markup, string expected, string key) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new UseConcurrentCollectionCodeFix(), EquivalenceKey = key }.VerifyAsync(markup, expected);

    private const string ListSource = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        public class Crawler
        {
            private readonly List<string> found = new List<string>();

            public int Crawl(string[] pages)
            {
                Parallel.ForEach(pages, page =>
                {
                    {|PG0103:found.Add(page.ToUpperInvariant())|};
                });
                return found.Count + found.Count(p => p.Length > 3);
            }
        }
        """;

    [Fact]
    public Task List_becomes_ConcurrentQueue_and_Add_becomes_Enqueue() => Fix(ListSource, """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        public class Crawler
        {
            private readonly ConcurrentQueue<string> found = new ConcurrentQueue<string>();

            public int Crawl(string[] pages)
            {
                Parallel.ForEach(pages, page =>
                {
                    found.Enqueue(page.ToUpperInvariant());
                });
                return found.Count + found.Count(p => p.Length > 3);
            }
        }
        """, UseConcurrentCollectionCodeFix.QueueKey);

    [Fact]
    public Task List_becomes_ConcurrentBag() => Fix(ListSource, """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        public class Crawler
        {
            private readonly ConcurrentBag<string> found = new ConcurrentBag<string>();

            public int Crawl(string[] pages)
            {
                Parallel.ForEach(pages, page =>
                {
                    found.Add(page.ToUpperInvariant());
                });
                return found.Count + found.Count(p => p.Length > 3);
            }
        }
        """, UseConcurrentCollectionCodeFix.BagKey);

    [Fact]
    public Task Dictionary_indexer_set_becomes_ConcurrentDictionary_with_its_comparer() => Fix("""
        using System;
        using System.Collections.Generic;
        using ParallelGen;

        public partial class WordCounter
        {
            private static Dictionary<string, int> lengths = new(StringComparer.Ordinal);

            [Parallelizable]
            public static void Measure(string word)
            {
                {|PG0103:lengths[word] = word.Length|};
            }

            public static bool Forget(string word) => lengths.Remove(word);

            public static int Known => lengths.Count;
        }
        """, """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using ParallelGen;

        public partial class WordCounter
        {
            private static ConcurrentDictionary<string, int> lengths = new(StringComparer.Ordinal);

            [Parallelizable]
            public static void Measure(string word)
            {
                lengths[word] = word.Length;
            }

            public static bool Forget(string word) => lengths.TryRemove(word, out _);

            public static int Known => lengths.Count;
        }
        """, UseConcurrentCollectionCodeFix.DictionaryKey);

    [Fact]
    public Task A_captured_list_local_changes_with_its_initializer() => Fix("""
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public static class Squares
        {
            public static int[] Compute(int n)
            {
                var squares = new List<int>(n);
                Parallel.For(0, n, i => {|PG0103:squares.Add(i * i)|});
                return squares.ToArray();
            }
        }
        """, """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public static class Squares
        {
            public static int[] Compute(int n)
            {
                var squares = new ConcurrentBag<int>();
                Parallel.For(0, n, i => squares.Add(i * i));
                return squares.ToArray();
            }
        }
        """, UseConcurrentCollectionCodeFix.BagKey);
}
