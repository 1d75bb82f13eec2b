using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0106: shared writes reached through calls (interprocedural summaries).</summary>
public class WriteThroughCallTests
{
    [Fact]
    public Task Static_write_two_calls_deep_is_reported_at_the_call_in_the_worker() => RaceVerifier.VerifyAsync("""
        static class Metrics
        {
            static int calls;
            public static void Record() => Bump();
            static void Bump() { calls++; }
        }

        static partial class Images
        {
            [Parallelizable]
            public static int Resize(string path)
            {
                {|PG0106:Metrics.Record()|};
                return path.Length;
            }
        }
        """);

    [Fact]
    public Task Instance_helper_writing_this_and_a_method_writing_through_its_parameter_are_reported() => RaceVerifier.VerifyAsync("""
        partial class Pipeline
        {
            int done;
            readonly List<string> errors = new();

            void MarkDone() => done++;
            static void Collect(List<string> into, string e) => into.Add(e);

            [Parallelizable]
            public void Step(string item)
            {
                {|PG0106:MarkDone()|};
                {|PG0106:Collect(errors, item)|};
            }
        }
        """);

    [Fact]
    public Task Captured_object_method_and_method_group_workers_are_reported() => RaceVerifier.VerifyAsync("""
        class Tally
        {
            int n;
            public void Add() { n++; }
        }

        class C
        {
            static int total;
            static void Accumulate(int x) { total += x; }

            void Run(int[] xs)
            {
                var tally = new Tally();
                Parallel.ForEach(xs, x => {|PG0106:tally.Add()|});
                Parallel.ForEach(xs, {|PG0106:Accumulate|});
            }
        }
        """);

    [Fact]
    public Task Local_function_writing_a_captured_local_is_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            int Run(int[] xs)
            {
                int sum = 0;
                void Add(int x) => sum += x;
                Parallel.ForEach(xs, x => {|PG0106:Add(x)|});
                return sum;
            }
        }
        """);

    [Fact]
    public Task Recursion_and_mutual_recursion_terminate_and_still_find_the_write() => RaceVerifier.VerifyAsync("""
        static class Tree
        {
            static int nodes;
            public static void Walk(int depth) { if (depth > 0) { Visit(depth); Walk(depth - 1); } }
            static void Visit(int depth) { nodes++; Walk(depth - 1); }
        }

        class C
        {
            void Run() => Parallel.For(0, 4, i => {|PG0106:Tree.Walk(i)|});
        }
        """);

    [Fact]
    public Task Calls_that_write_only_their_own_objects_are_silent() => RaceVerifier.VerifyAsync("""
        class Acc { int n; public void Add(int x) { n += x; } public int N => n; }

        static class Helpers
        {
            static readonly object gate = new();
            static int shared;
            public static int Build(int x) { var acc = new Acc(); acc.Add(x); return acc.N; }
            public static void Locked() { lock (gate) { shared++; } }
            public static void Fill(List<int> into) => into.Add(1);
        }

        class C
        {
            void Run(int[] xs) => Parallel.ForEach(xs, x =>
            {
                Helpers.Build(x);
                Helpers.Locked();
                Helpers.Fill(new List<int>());
                var mine = new List<int>();
                Helpers.Fill(mine);
            });
        }
        """);

    [Fact]
    public Task Message_names_the_path_and_the_write() => AssertMessage.Contains("""
        static class M { static int c; public static void A() => B(); static void B() { c++; } }
        static partial class W { [Parallelizable] public static void Go(int x) { M.A(); } }
        """, "PG0106", "Worker 'Go' calls 'M.A' -> 'M.B', which writes static field 'M.c'");
}
