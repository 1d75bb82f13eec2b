using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using ParallelGen.Mapping;

namespace ParallelGen.Tests;

/// <summary>The read-ahead buffer of lazy maps: items keep their input positions whichever end they are taken from.</summary>
public class ReadAheadTests
{
    [Fact]
    public void Reads_a_quarter_ahead_and_hands_out_items_with_their_input_positions_from_either_end()
    {
        var ahead = new ReadAhead<string>();
        using var source = Enumerable.Range(0, 10).Select(i => "item" + i).GetEnumerator();
        var into = new string[8];

        Assert.Equal(3, ahead.Target(3)); // nothing read yet: no read-ahead
        Assert.True(ahead.Fill(source, ahead.Target(3)));
        Assert.Equal(0, ahead.Take(fromBack: false, 2, into));
        Assert.Equal(["item0", "item1"], into.Take(2));

        Assert.Throws<InvalidOperationException>(() => ahead.Take(fromBack: true, 1, into)); // the source has not ended
        Assert.Equal(4, ahead.Target(4)); // 3 read: 3 / 4 = 0 ahead
        Assert.True(ahead.Fill(source, ahead.Target(4)));
        Assert.Equal(9, ahead.Target(8)); // 6 read: 1 ahead
        Assert.False(ahead.Fill(source, ahead.Target(8)), "the source ends before the target");
        Assert.True(ahead.Ended);
        Assert.Equal(10, ahead.Read);
        Assert.Equal(8, ahead.Count);

        Assert.Equal(7, ahead.Take(fromBack: true, 3, into));
        Assert.Equal(["item7", "item8", "item9"], into.Take(3));
        Assert.Equal(2, ahead.Take(fromBack: false, 1, into));
        Assert.Equal("item2", into[0]);
        Assert.Equal(3, ahead.Take(fromBack: true, 4, into));
        Assert.Equal(["item3", "item4", "item5", "item6"], into.Take(4));
        Assert.Equal(0, ahead.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => ahead.Take(fromBack: false, 1, into));
    }

    [Fact]
    public void Any_sequence_of_fills_and_takes_hands_out_each_item_once_at_its_own_position()
    {
        // A model check: random fills and takes from either end (the back only once the source has ended), against
        // the positions read and not yet taken; at the end the source is read to its end and drained, and every item
        // must have been handed out exactly once.
        var steps = Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 2), Gen.Choose(1, 300)), 60);
        var property = Prop.ForAll(Gen.Choose(0, 3_000).ToArbitrary(), steps.ToArbitrary(), (length, plan) =>
        {
            var ahead = new ReadAhead<long>();
            using var source = Enumerable.Range(0, length).Select(i => (long)i * 7).GetEnumerator();
            var model = new LinkedList<long>();
            var handedOut = new List<long>();
            var into = new long[5_000];
            var ended = false;
            bool Step(int kind, int size)
            {
                if (kind == 0)
                {
                    var before = ahead.Read;
                    ended |= !ended && !ahead.Fill(source, ahead.Count + size);
                    for (var p = before; p < ahead.Read; p++)
                    {
                        model.AddLast(p);
                    }

                    return ahead.Count == model.Count;
                }

                var take = Math.Min(size, ahead.Count);
                if (take == 0)
                {
                    return true;
                }

                var fromBack = kind == 2;
                if (fromBack && !ended)
                {
                    // Until the source ends, its back is not the input's end.
                    return Throws<InvalidOperationException>(() => ahead.Take(fromBack, take, into));
                }

                var first = ahead.Take(fromBack, take, into);
                var expected = fromBack ? model.Skip(model.Count - take).ToList() : model.Take(take).ToList();
                for (var i = 0; i < take; i++)
                {
                    if (fromBack)
                    {
                        model.RemoveLast();
                    }
                    else
                    {
                        model.RemoveFirst();
                    }

                    if (first + i != expected[i] || into[i] != expected[i] * 7)
                    {
                        return false;
                    }

                    handedOut.Add(first + i);
                }

                return ahead.Count == model.Count && ahead.Read == ahead.First + ahead.Count;
            }

            var ok = plan.All(step => Step(step.Item1, step.Item2));
            while (ok && !ended)
            {
                ok = Step(0, 1_000);
            }

            while (ok && ahead.Count > 0)
            {
                ok = Step(2, 1_000);
            }

            return ok && handedOut.Order().SequenceEqual(Enumerable.Range(0, length).Select(i => (long)i));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    private static bool Throws<TException>(Action action)
        where TException : Exception
    {
        try
        {
            action();
            return false;
        }
        catch (TException)
        {
            return true;
        }
    }
}
