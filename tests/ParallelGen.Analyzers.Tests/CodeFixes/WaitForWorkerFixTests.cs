using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>PG0108: the missing wait is inserted before the starting code touches the worker's state.</summary>
public class WaitForWorkerFixTests
{
    private static Task<string> Fix(string markup, string expected) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new WaitForWorkerCodeFix() }.VerifyAsync(markup, expected);

    [Fact]
    public Task Await_is_inserted_in_an_async_method() => Fix("""
        using System.Threading.Tasks;

        public static class Ticker
        {
            public static async Task<int> Run()
            {
                int ticks = 0;
                var background = Task.Run(() => { ticks++; });
                {|PG0108:ticks++|};
                await background;
                return ticks;
            }
        }
        """, """
        using System.Threading.Tasks;

        public static class Ticker
        {
            public static async Task<int> Run()
            {
                int ticks = 0;
                var background = Task.Run(() => { ticks++; });
                await background;
                ticks++;
                await background;
                return ticks;
            }
        }
        """);

    [Fact]
    public Task Join_is_inserted_for_a_thread() => Fix("""
        using System;
        using System.Threading;

        public static class Program
        {
            static int result;

            public static void Main()
            {
                var t = new Thread(() => result = 42);
                t.Start();
                Console.WriteLine({|PG0108:result|});
                t.Join();
            }
        }
        """, """
        using System;
        using System.Threading;

        public static class Program
        {
            static int result;

            public static void Main()
            {
                var t = new Thread(() => result = 42);
                t.Start();
                t.Join();
                Console.WriteLine(result);
                t.Join();
            }
        }
        """);
}
