using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>
/// PG0105: the same mutable object handed to several work items at a call of a generated wrapper. The wrappers are
/// declared by hand here (as the generator would add them), so the tests do not depend on the generator.
/// </summary>
public class SameObjectInManyItemsTests
{
    private const string Reports = """
        public sealed class Report { public int Lines; public List<string> Errors { get; } = new(); }

        public static partial class Checker
        {
            [Parallelizable]
            public static void Check(string file, Report report)
            {
                report.Lines++;
            }

            [Parallelizable(Name = "Scan")]
            public static int CheckQuietly(string file, Report report) => file.Length + report.Lines;

            // What the generator adds (stubs).
            public static Future CheckSubmit(string file, Report report, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            public static void CheckMap(IEnumerable<(string file, Report report)> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            public static Future<int> ScanSubmit(string file, Report report, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        }
        """;

    [Fact]
    public Task The_wrappers_of_an_Async_method_are_named_without_Async_and_recognised() => RaceVerifier.VerifyAsync("""
        public sealed class Report { public int Lines; }

        public static partial class Checker
        {
            [Parallelizable]
            public static async Task CheckAsync(string file, Report report)
            {
                await Task.Yield();
                report.Lines++;
            }

            // What the generator adds (stub): CheckAsync's wrappers leave out "Async".
            public static Future CheckSubmit(string file, Report report, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        }

        class Use
        {
            void Run(string[] files)
            {
                var report = new Report();
                foreach (var f in files)
                {
                    Checker.CheckSubmit(f, {|PG0105:report|});
                }
            }
        }
        """);

    [Fact]
    public Task Loop_invariant_argument_of_Submit_is_reported() => RaceVerifier.VerifyAsync(Reports + """

        class Use
        {
            void Run(string[] files)
            {
                var report = new Report();
                var futures = new List<Future>();
                foreach (var f in files)
                {
                    futures.Add(Checker.CheckSubmit(f, {|PG0105:report|}));
                }
            }
        }
        """);

    [Fact]
    public Task One_instance_captured_into_every_Map_tuple_is_reported() => RaceVerifier.VerifyAsync(Reports + """

        class Use
        {
            void Run(string[] files)
            {
                var report = new Report();
                Checker.CheckMap(files.Select(f => (f, {|PG0105:report|})));
                Checker.CheckMap(new[] { ("a", report), ("b", {|PG0105:report|}) });
            }
        }
        """);

    [Fact]
    public Task Fresh_objects_per_item_and_methods_that_only_read_are_silent() => RaceVerifier.VerifyAsync(Reports + """

        class Use
        {
            void Run(string[] files)
            {
                var shared = new Report();
                foreach (var f in files)
                {
                    var own = new Report();
                    Checker.CheckSubmit(f, own);
                    Checker.CheckSubmit(f, new Report());
                    Checker.ScanSubmit(f, shared);
                }

                Checker.CheckSubmit("once", shared);
                Checker.CheckMap(files.Select(f => (f, new Report())));
            }
        }
        """);

    [Fact]
    public Task Message_names_the_object_the_wrapper_and_the_write() => AssertMessage.Contains(Reports + """

        class Use { void Run(string[] fs) { var r = new Report(); foreach (var f in fs) Checker.CheckSubmit(f, r); } }
        """, "PG0105", "'r' is passed to every work item of 'CheckSubmit', and 'Check' writes field 'Lines' of parameter 'report'");

    [Fact]
    public Task MapAsync_AsCompleted_and_one_parameter_Map_are_checked_too() => RaceVerifier.VerifyAsync("""
        public static partial class Buffers
        {
            [Parallelizable]
            public static void Clear(byte[] buffer) => buffer[0] = 0;

            [Parallelizable]
            public static int Stamp(int id, List<int> log) { log.Add(id); return id; }

            public static void ClearMap(IEnumerable<byte[]> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            public static Task<int[]> StampMapAsync(IEnumerable<(int id, List<int> log)> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
            public static IAsyncEnumerable<Completed<(int id, List<int> log), int>> StampAsCompleted(IEnumerable<(int id, List<int> log)> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();
        }

        class Use
        {
            async Task Run(int[] ids)
            {
                var shared = new byte[64];
                var log = new List<int>();
                Buffers.ClearMap(Enumerable.Repeat({|PG0105:shared|}, 8));
                Buffers.ClearMap(ids.Select(_ => {|PG0105:shared|}));
                Buffers.ClearMap(ids.Select(_ => new byte[64]));
                await Buffers.StampMapAsync(ids.Select(i => (i, {|PG0105:log|})));
                await foreach (var done in Buffers.StampAsCompleted(ids.Select(i => (i, {|PG0105:log|})))) { }
                await Buffers.StampMapAsync(ids.Select(i => (i, new List<int>())));
            }
        }
        """);
}
