using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using ParallelGen.Infrastructure;
using static ParallelGen.Tests.TestSupport;

namespace ParallelGen.Tests;

/// <summary>Point 7: Map equals a sequential Select for random inputs, options, executors and sources (FsCheck).</summary>
public class PropertyTests
{
    private static readonly string[] s_kinds = ["threadpool", "threadpool-2", "workerpool-3", "workerpool-recycling", "inline"];

    public sealed record Case(int[] Input, int Degree, int ChunkSize, string Executor, int Source, bool AsyncBody, int Entry, int FailEvery);

    private static Arbitrary<Case> Cases() =>
        (from input in Gen.Sized(size => Gen.ArrayOf(Gen.Choose(-1_000, 1_000), size * 20))
         from degree in Gen.Choose(0, 8)
         from chunk in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 50)))
         from executor in Gen.Elements(s_kinds)
         from source in Gen.Choose(0, 3)
         from asyncBody in Gen.Elements(false, true)
         from entry in Gen.Choose(0, 2)
         from failEvery in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 40)))
         select new Case(input, degree, chunk, executor, source, asyncBody, entry, failEvery)).ToArbitrary();

    private static long F(int x) => (long)x * x - 3 * x;

    private static bool Fails(Case c, int x) => c.FailEvery > 0 && Math.Abs(x) % c.FailEvery == 0;

    [Fact]
    public void Map_equals_sequential_Select_for_random_inputs_options_and_executors()
    {
        var property = Prop.ForAll(Cases(), c => Run(c).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150).WithEndSize(60), property);
    }

    private static async Task<bool> Run(Case c)
    {
        var executor = Create(c.Executor);
        try
        {
            var options = new MapOptions { Executor = executor, MaxDegreeOfParallelism = c.Degree, ChunkSize = c.ChunkSize, ErrorMode = c.FailEvery > 0 ? ErrorMode.Collect : ErrorMode.FailFast };
            var body = c.AsyncBody
                ? Async<int, long>(async (x, _) =>
                {
                    if (x % 3 == 0)
                    {
                        await Task.Yield();
                    }

                    return Fails(c, x) ? throw new InvalidOperationException(x.ToString(System.Globalization.CultureInfo.InvariantCulture)) : F(x);
                })
                : Sync<int, long>(x => Fails(c, x) ? throw new InvalidOperationException(x.ToString(System.Globalization.CultureInfo.InvariantCulture)) : F(x));
            var expected = c.Input.Select(F).ToArray();
            var expectedFailures = c.Input.Select((x, i) => (x, i)).Where(p => Fails(c, p.x)).Select(p => (long)p.i).ToArray();

            IEnumerable<int> Source() => c.Source switch
            {
                0 => c.Input,
                1 => c.Input.ToList(),
                _ => c.Input.Select(x => x),
            };

            if (c.Entry == 2)
            {
                var completed = c.Source == 3
                    ? await GeneratedSupport.AsCompleted(Method(), ToAsync(c.Input), body, options, default).ToListBounded()
                    : await GeneratedSupport.AsCompleted(Method(), Source(), body, options, default).ToListBounded();
                var byIndex = completed.OrderBy(x => x.Index).ToList();
                return byIndex.Select(x => x.Index).SequenceEqual(Enumerable.Range(0, c.Input.Length).Select(i => (long)i))
                    && byIndex.Where(x => x.Succeeded).All(x => x.Result == expected[x.Index])
                    && byIndex.Where(x => !x.Succeeded).Select(x => x.Index).SequenceEqual(expectedFailures);
            }

            try
            {
                var results = c.Entry == 0 && c.Source != 3
                    ? Bounded(() => GeneratedSupport.Map(Method(), Source(), body, options, default))
                    : c.Source == 3
                        ? await GeneratedSupport.MapAsync(Method(), ToAsync(c.Input), body, options, default).Bounded()
                        : await GeneratedSupport.MapAsync(Method(), Source(), body, options, default).Bounded();
                return expectedFailures.Length == 0 && results.SequenceEqual(expected);
            }
            catch (MapException ex)
            {
                var partial = (long[])ex.Results!;
                return ex.Failures.Select(f => f.Index).SequenceEqual(expectedFailures)
                    && partial.Select((r, i) => expectedFailures.Contains(i) ? r == 0 : r == expected[i]).All(ok => ok);
            }
        }
        finally
        {
            await executor.DisposeAsync().AsTask().Bounded();
        }
    }

    private static async IAsyncEnumerable<int> ToAsync(int[] input)
    {
        foreach (var x in input)
        {
            if (x % 5 == 0)
            {
                await Task.Yield();
            }

            yield return x;
        }
    }
}
