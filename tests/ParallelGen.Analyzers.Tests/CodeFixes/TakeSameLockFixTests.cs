using System.Threading.Tasks;
using ParallelGen.Analyzers.Tests.Infrastructure;
using ParallelGen.CodeFixes.Races;

namespace ParallelGen.Analyzers.Tests.CodeFixes;

/// <summary>PG0108 and PG0109: an access that races with one made under a lock takes the same lock.</summary>
public class TakeSameLockFixTests
{
    private static Task<string> Fix(string markup, string expected) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new TakeSameLockCodeFix() }.VerifyAsync(markup, expected);

    private static Task NotOffered(string markup) =>
        new CodeFixVerifier { Analyzers = AllAnalyzers.Create(), Fix = new TakeSameLockCodeFix() }.VerifyNotOfferedAsync(markup);

    [Fact]
    public Task The_starting_code_takes_the_workers_lock() => Fix("""
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public class Log
        {
            private readonly object _gate = new object();
            private readonly List<string> _lines = new List<string>();

            public async Task Run()
            {
                var writer = Task.Run(() => { lock (_gate) { _lines.Add("worker"); } });
                {|PG0108:_lines.Add("caller")|};
                await writer;
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public class Log
        {
            private readonly object _gate = new object();
            private readonly List<string> _lines = new List<string>();

            public async Task Run()
            {
                var writer = Task.Run(() => { lock (_gate) { _lines.Add("worker"); } });
                lock (_gate)
                {
                    _lines.Add("caller");
                }
                await writer;
            }
        }
        """);

    [Fact]
    public Task A_second_worker_takes_the_first_workers_lock() => Fix("""
        using System.Threading;

        public static class Counter
        {
            private static readonly object Gate = new object();
            private static int s_count;

            public static int Run()
            {
                var first = new Thread(() => { lock (Gate) { s_count += 2; } });
                var second = new Thread(() =>
                {
                    {|PG0109:s_count += 3|};
                });
                first.Start();
                second.Start();
                first.Join();
                second.Join();
                return s_count;
            }
        }
        """, """
        using System.Threading;

        public static class Counter
        {
            private static readonly object Gate = new object();
            private static int s_count;

            public static int Run()
            {
                var first = new Thread(() => { lock (Gate) { s_count += 2; } });
                var second = new Thread(() =>
                {
                    lock (Gate)
                    {
                        s_count += 3;
                    }
                });
                first.Start();
                second.Start();
                first.Join();
                second.Join();
                return s_count;
            }
        }
        """);

    [Fact]
    public Task Not_offered_when_the_other_side_holds_a_semaphore() => NotOffered("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        public class Log
        {
            private readonly SemaphoreSlim _gate = new SemaphoreSlim(1);
            private readonly List<string> _lines = new List<string>();

            public async Task Run()
            {
                var writer = Task.Run(async () => { await _gate.WaitAsync(); try { _lines.Add("worker"); } finally { _gate.Release(); } });
                {|PG0108:_lines.Add("caller")|};
                await writer;
            }
        }
        """);

    [Fact]
    public Task Not_offered_for_a_declaration() => NotOffered("""
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public class Log
        {
            private readonly object _gate = new object();
            private readonly List<string> _lines = new List<string>();

            public async Task<int> Run()
            {
                var writer = Task.Run(() => { lock (_gate) { _lines.Add("worker"); } });
                var count = {|PG0108:_lines.Count|};
                await writer;
                return count;
            }
        }
        """);
}
