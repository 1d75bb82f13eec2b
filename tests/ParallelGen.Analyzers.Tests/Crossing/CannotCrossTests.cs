using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static ParallelGen.Analyzers.Tests.Crossing.CrossingVerifier;

namespace ParallelGen.Analyzers.Tests.Crossing;

/// <summary>PG0006: a method sent to a process pool whose parameters, result or instance cannot cross ("can't pickle").</summary>
public class CannotCrossTests
{
    private const string Wrappers = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using ParallelGen;

        public sealed record Job(int Id, Action Callback);
        public sealed record Order(int Id, string Name, List<int> Lines);

        public static partial class Work
        {
            [Parallelizable] public static int Run(Job job) => job.Id;
            public static int[] RunMap(IEnumerable<Job> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
            public static Future<int> RunSubmit(Job job, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            [Parallelizable] public static int Place(Order order) => order.Id;
            public static int[] PlaceMap(IEnumerable<Order> items, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
            public static Future<int> PlaceSubmit(Order order, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

            [Parallelizable] public static long Length(Stream stream) => stream.Length;
            public static Future<long> LengthSubmit(Stream stream, IExecutor? executor = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        }
        """;

    [Fact]
    public Task Reports_a_map_given_a_process_pool_in_its_options() => Verify(Wrappers + """
        public static class Caller
        {
            public static int[] Go(ProcessPoolExecutor pool, Job[] jobs) => Work.RunMap(jobs, new MapOptions { Executor = {|PG0006:pool|} });
        }
        """);

    [Fact]
    public Task Reports_a_map_given_options_held_in_a_local() => Verify(Wrappers + """
        public static class Caller
        {
            public static int[] Go(ProcessPoolExecutor pool, Job[] jobs)
            {
                var options = new MapOptions { Executor = {|PG0006:pool|}, ChunkSize = 4 };
                return Work.RunMap(jobs, options);
            }
        }
        """);

    [Fact]
    public Task Reports_a_submit_given_a_process_pool() => Verify(Wrappers + """
        public static class Caller
        {
            public static Future<long> Go(ProcessPoolExecutor pool, Stream s) => Work.LengthSubmit(s, executor: {|PG0006:pool|});
            public static Future<long> Local(Stream s)
            {
                var pool = new ProcessPoolExecutor(2);
                return Work.LengthSubmit(s, {|PG0006:pool|});
            }
        }
        """);

    /// <summary>A wrapper called by its simple name (from its own type) still passes the analyzer's syntax screen.</summary>
    [Fact]
    public Task Reports_a_wrapper_called_by_its_simple_name() => Verify(Wrappers + """
        public static partial class Work
        {
            public static Future<long> Go(ProcessPoolExecutor pool, Stream s) => LengthSubmit(s, {|PG0006:pool|});
        }
        """);

    [Fact]
    public async Task The_message_names_the_method_the_member_path_and_its_type()
    {
        var run = await Verify(Wrappers + """
            public static class Caller
            {
                public static Future<int> Go(ProcessPoolExecutor pool, Job job) => Work.RunSubmit(job, {|PG0006:pool|});
            }
            """);

        var message = run.Diagnostics.Single().GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Work.Run' cannot run in a worker process", message, System.StringComparison.Ordinal);
        Assert.Contains("parameter 'job'", message, System.StringComparison.Ordinal);
        Assert.Contains("Job.Callback is Action", message, System.StringComparison.Ordinal);
        Assert.Contains("delegate", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Is_silent_when_the_values_can_cross_or_the_executor_is_not_statically_a_pool() => Verify(Wrappers + """
        public static class Caller
        {
            public static int[] Crosses(ProcessPoolExecutor pool, Order[] orders) => Work.PlaceMap(orders, new MapOptions { Executor = pool });
            public static int[] Threads(Job[] jobs) => Work.RunMap(jobs, new MapOptions { Executor = new ThreadPoolExecutor(2) });
            public static int[] Unknown(IExecutor executor, Job[] jobs) => Work.RunMap(jobs, new MapOptions { Executor = executor });
            public static int[] Default(Job[] jobs) => Work.RunMap(jobs);
        }
        """);

    [Fact]
    public Task Reports_at_the_method_that_opts_in_whatever_the_call_sites() => Verify("""
        using System;
        using System.Threading.Tasks;
        using ParallelGen;

        public interface IShape { double Area { get; } }
        public sealed class Holder { private readonly int _x; public Holder(int x) => _x = x; public int X => _x * 2; }

        public static partial class Work
        {
            [Parallelizable(CrossProcess = true)] public static int {|PG0006:Later|}(Func<int> next) => next();
            [Parallelizable(CrossProcess = true)] public static double {|PG0006:Area|}(IShape shape) => shape.Area;
            [Parallelizable(CrossProcess = true)] public static int {|PG0006:Wait|}(Task<int> pending) => pending.Result;
            [Parallelizable(CrossProcess = true)] public static object {|PG0006:Box|}(int value) => value;
            [Parallelizable(CrossProcess = true)] public static int {|PG0006:Open|}(Holder holder) => holder.X;
            [Parallelizable(CrossProcess = true)] public static T {|PG0006:Echo|}<T>(T value) => value;
            [Parallelizable(CrossProcess = true)] public static int Fine(int[] values, string name, (int, double) pair, DateTime when) => values.Length;
            [Parallelizable] public static int NotOptedIn(Func<int> next) => next();
        }
        """, withPool: false);

    [Fact]
    public Task A_registered_serializer_lets_a_type_cross() => Verify("""
        using ParallelGen;
        using ParallelGen.Infrastructure.Remote;

        [assembly: WireSerializer(typeof(ShapeSerializer))]

        public interface IShape { double Area { get; } }
        public sealed class Square(double side) : IShape { public double Area => side * side; }
        public sealed class ShapeSerializer : IWireSerializer<IShape>
        {
            public void Write(WireWriter writer, IShape value) => writer.WriteDouble(value.Area);
            public IShape Read(WireReader reader) => new Square(System.Math.Sqrt(reader.ReadDouble()));
        }

        public static partial class Work
        {
            [Parallelizable(CrossProcess = true)] public static double Area(IShape shape) => shape.Area;
        }
        """, withPool: false);
}
