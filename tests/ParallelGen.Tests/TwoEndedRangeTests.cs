using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using ParallelGen.Mapping;

namespace ParallelGen.Tests;

/// <summary>The two-ended claim range of indexable maps: every index is claimed exactly once, whichever ends claim it.</summary>
public class TwoEndedRangeTests
{
    [Fact]
    public void Front_and_back_claims_take_from_their_own_end_and_stop_where_they_meet()
    {
        var range = new TwoEndedRange(10);
        Assert.True(range.TryClaim(fromBack: false, wanted: 3, share: 1, out var start, out var taken));
        Assert.Equal((0, 3), (start, taken));
        Assert.True(range.TryClaim(fromBack: true, wanted: 2, share: 1, out start, out taken));
        Assert.Equal((8, 2), (start, taken));
        Assert.Equal(5, range.Remaining);

        // At most a share of what is left: 5 / 2 = 2 of the 4 wanted.
        Assert.True(range.TryClaim(fromBack: true, wanted: 4, share: 2, out start, out taken));
        Assert.Equal((6, 2), (start, taken));
        Assert.True(range.TryClaim(fromBack: false, wanted: 100, share: 1, out start, out taken));
        Assert.Equal((3, 3), (start, taken));
        Assert.Equal(0, range.Remaining);
        Assert.False(range.TryClaim(fromBack: true, wanted: 1, share: 1, out _, out _));
        Assert.False(range.TryClaim(fromBack: false, wanted: 1, share: 1, out _, out _));
    }

    [Fact]
    public void Concurrent_claims_from_both_ends_cover_every_index_exactly_once()
    {
        var property = Prop.ForAll(
            Gen.Choose(0, 20_000).ToArbitrary(),
            Gen.Choose(1, 6).ToArbitrary(),
            Gen.Choose(1, 500).ToArbitrary(),
            (count, claimers, maxWanted) =>
            {
                var range = new TwoEndedRange(count);
                var claims = new int[count];
                using var start = new Barrier(claimers);
                Parallel.For(0, claimers, new ParallelOptions { MaxDegreeOfParallelism = claimers }, c =>
                {
                    var random = new Random(c);
                    start.SignalAndWait();
                    while (range.TryClaim(fromBack: c % 2 == 1, random.Next(1, maxWanted + 1), random.Next(1, 9), out var first, out var taken))
                    {
                        Assert.InRange(taken, 1, maxWanted);
                        for (var i = first; i < first + taken; i++)
                        {
                            Interlocked.Increment(ref claims[i]);
                        }
                    }
                });
                return range.Remaining == 0 && claims.All(n => n == 1);
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }
}
