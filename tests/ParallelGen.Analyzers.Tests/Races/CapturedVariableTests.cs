using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>PG0100: a captured local or parameter written inside a worker.</summary>
public class CapturedVariableTests
{
    [Fact]
    public Task Sum_in_Parallel_For_is_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            int Sum(int n)
            {
                int sum = 0;
                Parallel.For(0, n, i => { {|PG0100:sum += i|}; });
                return sum;
            }
        }
        """);

    [Fact]
    public Task Increment_in_ForEach_and_assignment_in_Task_Run_started_in_a_loop_are_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            async Task<string> Last(string[] words)
            {
                int count = 0;
                string last = "";
                Parallel.ForEach(words, w => {|PG0100:count++|});
                var tasks = new List<Task>();
                foreach (var w in words)
                {
                    tasks.Add(Task.Run(() => { {|PG0100:last = w|}; }));
                }

                await Task.WhenAll(tasks);
                return last + count;
            }
        }
        """);

    [Fact]
    public Task Captured_parameter_written_in_PLINQ_is_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            int[] Scale(int[] xs, int calls)
            {
                var result = xs.AsParallel().Select(x => { {|PG0100:calls++|}; return x * 2; }).ToArray();
                return result;
            }
        }
        """);

    [Fact]
    public Task Out_argument_and_deconstruction_into_captured_locals_are_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            void Parse(string[] lines)
            {
                int value = 0, a = 0, b = 0;
                Parallel.ForEach(lines, line =>
                {
                    int.TryParse(line, {|PG0100:out value|});
                    {|PG0100:(a, b) = (line.Length, 1)|};
                });
            }
        }
        """);

    [Fact]
    public Task LocalFinally_that_adds_without_synchronization_is_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            long Sum(int[] data)
            {
                long total = 0;
                Parallel.For(0, data.Length, () => 0L, (i, _, local) => local + data[i], local => {|PG0100:total += local|});
                return total;
            }
        }
        """);

    [Fact]
    public Task Thread_and_Invoke_workers_are_reported() => RaceVerifier.VerifyAsync("""
        class C
        {
            void Run()
            {
                int started = 0;
                int x = 0;
                for (int t = 0; t < 4; t++) new Thread(() => {|PG0100:started++|}).Start();
                Parallel.Invoke(() => {|PG0100:x++|}, () => {|PG0100:x--|});
            }
        }
        """);

    [Fact]
    public Task Run_once_workers_that_alone_write_a_captured_local_are_silent() => RaceVerifier.VerifyAsync("""
        class C
        {
            static int[] Sort(int[] xs) => xs.OrderBy(x => x).ToArray();

            async Task<int[]> Run(int[] left, int[] right)
            {
                int[] a = left, b = right;
                Parallel.Invoke(() => a = Sort(left), () => b = Sort(right));
                int total = 0;
                await Task.Run(() => { total = a.Length + b.Length; });
                string? error = null;
                var worker = new Thread(() => error = "none");
                worker.Start();
                worker.Join();
                return a.Concat(b).Append(total).ToArray();
            }
        }
        """);

    [Fact]
    public Task Message_names_the_variable_and_the_worker() => AssertMessage.Contains("""
        class C { int S(int n) { int sum = 0; Parallel.For(0, n, i => { sum += i; }); return sum; } }
        """, "PG0100", "Worker 'Parallel.For' writes captured variable 'sum'", "Interlocked");
}
