using System.Threading.Tasks;

namespace ParallelGen.Analyzers.Tests.AutoParallel;

/// <summary>
/// The corpus of loops that must stay sequential: PG0200 and PG0201 are silent on every one. Each case changes one thing
/// in a loop the rules otherwise report (the controls at the end prove the template reports them).
/// </summary>
public class UnsafeLoopCorpusTests
{
    private const string Template = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;

        public static partial class Work
        {
            public static int Counter;
            private static readonly object Gate = new();

            [Parallelizable]
            public static int Square(int x) => x * x;

            [Parallelizable]
            public static int Counted(int x) { Counter++; return x; }

            [Parallelizable]
            public static int Printed(int x) { Console.WriteLine(x); return x; }

            public static int Pure(int x) => x + 1;

            public static Task<int> PureAsync(int x) => Task.FromResult(x);

            public static int Logs(int x) { Helper.Log(x); return x; }

            public static int Locked(int x) { lock (Gate) { return x; } }

            public static int Ticket(int x) => Interlocked.Increment(ref Counter) + x;

            public static int Fills(List<int> into, int x) { into.Add(x); return x; }

            public static int WritesFile(int x) { System.IO.File.AppendAllText("never-run.txt", x.ToString()); return x; }

            public static int CallsDelegate(Func<int, int> f, int x) => f(x);

            public static int Roll(Random random, int x) => random.Next(x);

            public static int ViaInterface(IShape shape, int x) => shape.Size(x);

            public static void Touch(int x) { Counter += x; }

            public static int Narrow(long x) => (int)x;

            public static int Ping(int x) { if (x == 3) Console.WriteLine(x); return x <= 0 ? 0 : Pong(x - 1); }

            public static int Pong(int x) => x <= 0 ? 0 : Ping(x - 1);
        }

        public interface IShape { int Size(int x); }

        public static class NotPartial
        {
            [Parallelizable]
            public static int Twice(int x) => 2 * x;
        }

        internal static class Helper
        {
            public static void Log(int x) => Console.WriteLine(x);
        }

        public sealed class Runner
        {
            private int state;

            public int Next(int x) { state += x; return state; }
        }

        public static class Cases
        {
            public static async Task<int> Run(int[] xs, List<int> list, Dictionary<int, int> dict, IShape shape)
            {
                await Task.Yield();
                BODY
                return list.Count + dict.Count;
            }
        }
        """;

    /// <summary>Loop bodies the rules must leave alone, with the reason.</summary>
    public static TheoryData<string, string> Unsafe { get; } = new()
    {
        { "static field written by the [Parallelizable] method", "foreach (var x in xs) list.Add(Work.Counted(x));" },
        { "console output in the [Parallelizable] method", "foreach (var x in xs) list.Add(Work.Printed(x));" },
        { "console output two calls down", "foreach (var x in xs) list.Add(Work.Logs(x));" },
        { "a lock: shared state behind it", "foreach (var x in xs) list.Add(Work.Locked(x));" },
        { "Interlocked: the order of tickets changes", "foreach (var x in xs) list.Add(Work.Ticket(x));" },
        { "file output", "foreach (var x in xs) list.Add(Work.WritesFile(x));" },
        { "a delegate the analysis cannot see into", "Func<int, int> f = v => v; foreach (var x in xs) list.Add(Work.CallsDelegate(f, x));" },
        { "an interface call the analysis cannot see into", "foreach (var x in xs) list.Add(Work.ViaInterface(shape, x));" },
        { "a list shared by every item is filled", "var shared = new List<int>(); foreach (var x in xs) list.Add(Work.Fills(shared, x));" },
        { "a shared Random", "var random = new Random(1); foreach (var x in xs) list.Add(Work.Roll(random, x));" },
        { "object state carried from item to item", "var runner = new Runner(); foreach (var x in xs) list.Add(runner.Next(x));" },
        { "void method writing a static", "foreach (var x in xs) Work.Touch(x);" },
        { "break", "foreach (var x in xs) { if (x > 3) break; list.Add(Work.Square(x)); }" },
        { "return", "foreach (var x in xs) { if (x < 0) return 1; list.Add(Work.Square(x)); }" },
        { "goto", "foreach (var x in xs) { list.Add(Work.Square(x)); goto done; } done: list.Clear();" },
        { "console output in the body", "foreach (var x in xs) { Console.WriteLine(x); list.Add(Work.Square(x)); }" },
        { "a second write in the body", "var seen = 0; foreach (var x in xs) { seen++; list.Add(Work.Square(x)); }" },
        { "the accumulator feeds the next item", "var acc = 1; foreach (var x in xs) acc += Work.Square(acc + x);" },
        { "the loop variable is written", "for (var i = 0; i < xs.Length; i++) list.Add(Work.Square(xs[i++]));" },
        { "the loop adds to the list it enumerates", "foreach (var x in list) list.Add(Work.Square(x));" },
        { "the bound grows with the results", "for (var i = 0; i < list.Count; i++) list.Add(Work.Square(i));" },
        { "a shifted index", "var r = new int[xs.Length + 1]; for (var i = 0; i < xs.Length; i++) r[i + 1] = Work.Square(xs[i]);" },
        { "a loop from 1", "var r = new int[xs.Length]; for (var i = 1; i < xs.Length; i++) r[i] = Work.Square(xs[i]);" },
#if !ROSLYN4_8 // a ref local in an async method needs C# 13 (Roslyn 4.12)
        { "a ref iteration variable", "foreach (ref var x in xs.AsSpan()) list.Add(Work.Square(x));" },
#endif
        { "a keyed store over a lazy sequence enumerated twice", "foreach (var x in xs.Where(v => v > 0)) dict[x] = Work.Square(x);" },
        { "tasks collected without await", "var tasks = new List<Task<int>>(); foreach (var x in xs) tasks.Add(Work.PureAsync(x));" },
        { "no argument depends on the item", "foreach (var x in xs) list.Add(Work.Square(5));" },
        { "an argument converted to the parameter type", "foreach (var x in xs) list.Add(Work.Narrow(x));" },
        { "an explicit conversion of the iteration variable", "foreach (long x in xs) list.Add(Work.Narrow(x));" },
        { "a method without wrappers (type not partial)", "foreach (var x in xs) list.Add(NotPartial.Twice(x));" },
        { "a local function", "int Local(int v) => v; foreach (var x in xs) list.Add(Local(x));" },
        { "a lambda in the argument", "foreach (var x in xs) list.Add(Work.CallsDelegate(v => v + x, x));" },
        { "an assignment in the argument", "var last = 0; foreach (var x in xs) list.Add(Work.Square(last = x));" },
        { "a nested await", "foreach (var x in xs) list.Add(Work.Square(await Work.PureAsync(x)));" },
        { "console output in a mutual recursion, reached from either end", "foreach (var x in xs) list.Add(Work.Ping(x)); foreach (var y in xs) list.Add(Work.Pong(y));" },
        { "an expression that reads another variable", "var k = 2; foreach (var x in xs) list.Add(Math.Max(x, k));" },
        { "an expression that reads the console", "foreach (var x in xs) list.Add(Math.Abs(x) + Console.CursorLeft);" },
        { "an expression of a task", "var tasks = new List<Task<int>>(); foreach (var x in xs) tasks.Add(Task.FromResult(Math.Abs(x)));" },
        { "an expression with a shared Random", "var random = new Random(2); foreach (var x in xs) list.Add(random.Next(x));" },
        { "a keyed store whose key writes", "var n = 0; foreach (var x in xs) dict[n++] = Work.Square(x);" },
        { "an expression in a checked block", "checked { foreach (var x in xs) list.Add(Math.Abs(x) * 1000); }" },
        { "await foreach", "await foreach (var x in xs.ToAsyncEnumerable()) list.Add(Work.Square(x));" },
    };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public Task Unsafe_loops_are_not_reported(string reason, string body)
    {
        _ = reason;
        return AutoParallelVerifier.VerifyAsync(Template.Replace("BODY", body, System.StringComparison.Ordinal));
    }

    [Fact]
    public Task Controls_the_same_template_reports_the_safe_loops() => AutoParallelVerifier.VerifyAsync(Template.Replace(
        "BODY",
        """
        {|PG0200:foreach|} (var x in xs) list.Add(Work.Square(x));
                {|PG0201:foreach|} (var x in xs) list.Add(Work.Pure(x));
                {|PG0201:foreach|} (var x in xs) dict[x] = Work.Pure(x);
                {|PG0201:foreach|} (var x in xs) list.Add(Math.Abs(x) * 2);
                var total = 0;
                {|PG0200:for|} (var i = 0; i < xs.Length; i++) total += Work.Square(xs[i]);
        """,
        System.StringComparison.Ordinal));
}
