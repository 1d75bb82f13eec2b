using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0103: mutating calls on a shared non-thread-safe collection or builder.</summary>
public class SharedCollectionTests
{
    [Fact]
    public Task Add_to_captured_list_and_dictionary_indexer_are_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            Dictionary<string, int> Count(string[] words)
            {
                var found = new List<string>();
                var counts = new Dictionary<string, int>();
                Parallel.ForEach(words, w =>
                {
                    {|PG0103:found.Add(w)|};
                    {|PG0103:counts[w] = w.Length|};
                });
                return counts;
            }
        }
        """);

    [Fact]
    public Task Static_and_instance_fields_of_every_collection_kind_are_reported() => RaceVerifier.VerifyAsync("""
        partial class Indexer
        {
            static readonly HashSet<string> seen = new();
            static readonly Queue<int> queue = new();
            readonly Stack<int> stack = new();
            readonly SortedDictionary<int, string> sorted = new();
            readonly LinkedList<int> linked = new();
            readonly StringBuilder log = new();

            [Parallelizable]
            public void Index(string doc, int id)
            {
                {|PG0103:seen.Add(doc)|};
                {|PG0103:queue.Enqueue(id)|};
                {|PG0103:stack.Push(id)|};
                {|PG0103:sorted.Add(id, doc)|};
                {|PG0103:linked.AddLast(id)|};
                {|PG0103:log.AppendLine(doc)|};
            }
        }
        """);

    [Fact]
    public Task Captured_parameter_list_in_Task_Run_and_a_shared_array_slot_are_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            void Run(List<int> sink, int[] histogram, int[] values)
            {
                Task.Run(() => {|PG0103:sink.Clear()|});
                Parallel.ForEach(values, v => {|PG0103:histogram[v % 10]++|});
            }
        }
        """);

    [Fact]
    public Task Alias_of_a_static_list_is_reported() => RaceVerifier.VerifyAsync("""
        static partial class Log
        {
            static readonly List<string> lines = new();

            [Parallelizable]
            public static void Write(string line)
            {
                var target = lines;
                {|PG0103:target.Add(line)|};
            }
        }
        """);

    [Fact]
    public Task Message_names_the_collection_the_call_and_the_worker() => AssertMessage.Contains("""
        class C { void R(int[] xs) { var found = new List<int>(); Parallel.ForEach(xs, x => found.Add(x)); } }
        """, "PG0103", "Worker 'Parallel.ForEach' changes captured variable 'found' with 'Add'", "List<int>", "System.Collections.Concurrent");
}
