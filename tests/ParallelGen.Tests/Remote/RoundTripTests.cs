using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ParallelGen.Infrastructure.Remote;
using static ParallelGen.Tests.Remote.RemoteHarness;

namespace ParallelGen.Tests.Remote;

/// <summary>
/// Issue 11 point 2 (and 12): every supported shape round-trips through the generated registry — arguments written,
/// read, the method invoked, its result written and read — and equals a direct call (FsCheck properties).
/// </summary>
public sealed class RoundTripTests
{
    private static readonly Config s_runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static Arbitrary<T> Arb<T>() => ArbMap.Default.ArbFor<T>();

    [Fact]
    public void Integers_of_every_width_round_trip()
    {
        var id = Prefix + "Integers(System.Byte,System.SByte,System.Int16,System.UInt16,System.Int32,System.UInt32,System.Int64)";
        Check.One(s_runs, Prop.ForAll(Arb<(byte, sbyte, short, ushort, int, uint, long)>(), item =>
            RoundTrip<(byte, sbyte, short, ushort, int, uint, long), (byte, sbyte, short, ushort, int, uint, long)>(id, item) == WireShapes.Integers(item.Item1, item.Item2, item.Item3, item.Item4, item.Item5, item.Item6, item.Item7)));
        Check.One(s_runs, Prop.ForAll(Arb<ulong>(), value => RoundTrip<ulong, ulong>(Prefix + "Unsigned(System.UInt64)", value) == value));
    }

    [Fact]
    public void Reals_chars_booleans_and_strings_round_trip()
    {
        var id = Prefix + "Reals(System.Single,System.Double,System.Decimal,System.Char,System.Boolean,System.String)";
        Check.One(s_runs, Prop.ForAll(Arb<(float, double, decimal, char, bool, string?)>(), item =>
            RoundTrip<(float, double, decimal, char, bool, string?), (float, double, decimal, char, bool, string?)>(id, item).Equals(item)));
    }

    [Fact]
    public void Dates_times_and_guids_round_trip_with_their_kind_and_offset()
    {
        var id = Prefix + "Times(System.DateTime,System.DateTimeOffset,System.TimeSpan,System.DateOnly,System.TimeOnly,System.Guid)";
        var items =
            from high in Gen.Choose(0, int.MaxValue)
            from low in Gen.Choose(0, int.MaxValue)
            let ticks = (long)((((ulong)high << 31) | (uint)low) % (ulong)DateTime.MaxValue.Ticks)
            from kind in Gen.Elements(DateTimeKind.Utc, DateTimeKind.Unspecified)
            from offset in Gen.Choose(-14 * 60, 14 * 60)
            from span in ArbMap.Default.GeneratorFor<long>()
            from guid in ArbMap.Default.GeneratorFor<Guid>()
            let when = new DateTime(ticks, kind)
            let instant = new DateTimeOffset(Math.Clamp(ticks, 14 * TimeSpan.TicksPerHour, DateTime.MaxValue.Ticks - (14 * TimeSpan.TicksPerHour)), TimeSpan.FromMinutes(offset))
            select (When: when, Instant: instant, Span: new TimeSpan(span), Date: DateOnly.FromDateTime(when), Time: TimeOnly.FromDateTime(when), Id: guid);
        Check.One(s_runs, Prop.ForAll(items.ToArbitrary(), item =>
        {
            var back = RoundTrip<(DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid), (DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid)>(id, item);
            return back.Equals(item) && back.Item1.Kind == item.When.Kind && back.Item2.Offset == item.Instant.Offset;
        }));
    }

    [Fact]
    public void A_local_time_stays_local_and_the_same_instant()
    {
        var id = Prefix + "Times(System.DateTime,System.DateTimeOffset,System.TimeSpan,System.DateOnly,System.TimeOnly,System.Guid)";
        var local = new DateTime(2024, 1, 15, 12, 30, 0, DateTimeKind.Local);

        var back = RoundTrip<(DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid), (DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid)>(id, (local, default, default, default, default, default));

        Assert.Equal(DateTimeKind.Local, back.Item1.Kind);
        Assert.Equal(local.ToUniversalTime(), back.Item1.ToUniversalTime());
    }

    [Fact]
    public void Enums_and_nullable_values_round_trip()
    {
        var id = Prefix + "Enums(ParallelGen.Tests.Remote.Shade,System.Nullable{ParallelGen.Tests.Remote.Shade},System.Nullable{System.Int32})";
        Check.One(s_runs, Prop.ForAll(Arb<(Shade, Shade?, int?)>(), item => RoundTrip<(Shade, Shade?, int?), (Shade, Shade?, int?)>(id, item) == item));
    }

    [Fact]
    public void Arrays_lists_dictionaries_and_sets_round_trip_including_null()
    {
        var id = Prefix + "Collections(System.Int32[],System.Collections.Generic.List{System.String},System.Collections.Generic.Dictionary{System.String,System.Int32},System.Collections.Generic.HashSet{System.Int64})";
        var items =
            from a in ArbMap.Default.GeneratorFor<int[]>().OrNull()
            from b in ArbMap.Default.GeneratorFor<List<string?>>().OrNull()
            from keys in ArbMap.Default.GeneratorFor<string[]>().Select(k => k.Where(x => x is not null).Distinct().ToArray())
            from value in ArbMap.Default.GeneratorFor<int>()
            from withC in ArbMap.Default.GeneratorFor<bool>()
            from d in ArbMap.Default.GeneratorFor<long[]>().Select(x => x.ToHashSet()).OrNull()
            select (a, b, withC ? keys.ToDictionary(k => k, k => value ^ k.Length) : null, d);
        Check.One(s_runs, Prop.ForAll(items.ToArbitrary(), item =>
        {
            var back = RoundTrip<(int[]?, List<string?>?, Dictionary<string, int>?, HashSet<long>?), (int[]?, List<string?>?, Dictionary<string, int>?, HashSet<long>?)>(id, item);
            return Same(back.Item1, item.Item1) && Same(back.Item2, item.Item2) && Same(back.Item3?.OrderBy(p => p.Key, StringComparer.Ordinal), item.Item3?.OrderBy(p => p.Key, StringComparer.Ordinal))
                && (back.Item4 is null ? item.Item4 is null : item.Item4 is not null && back.Item4.SetEquals(item.Item4));
        }));
    }

    [Fact]
    public void Sequence_interfaces_are_materialized_and_round_trip()
    {
        var id = Prefix + "Sequences(System.Collections.Generic.IReadOnlyList{System.Int32},System.Collections.Generic.IEnumerable{System.Int32},System.Collections.Generic.IList{System.Int32})";
        Check.One(s_runs, Prop.ForAll(Arb<(int[], List<int>, int[])>(), item =>
        {
            var lazy = item.Item2.Select(x => x);
            (IReadOnlyList<int>, IEnumerable<int>, IList<int>) arguments = (item.Item1, lazy, item.Item3.ToList());
            return RoundTrip<(IReadOnlyList<int>, IEnumerable<int>, IList<int>), int[]>(id, arguments).SequenceEqual(WireShapes.Sequences(arguments.Item1, arguments.Item2, arguments.Item3));
        }));
    }

    [Fact]
    public void Records_with_lists_of_records_and_init_members_round_trip()
    {
        var lines =
            from sku in ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)
            from price in ArbMap.Default.GeneratorFor<decimal>()
            from quantity in ArbMap.Default.GeneratorFor<int>()
            select new Line(sku, price) { Quantity = quantity };
        var orders =
            from id in ArbMap.Default.GeneratorFor<int>()
            from name in ArbMap.Default.GeneratorFor<string?>()
            from list in lines.ListOf().Select(l => l.ToList()).OrNull()
            select new Order(id, name, list);
        Check.One(s_runs, Prop.ForAll(orders.OrNull().ToArbitrary(), order =>
            Json(RoundTrip<Order?, Order?>(Prefix + "Orders(ParallelGen.Tests.Remote.Order)", order)) == Json(WireShapes.Orders(order))));
    }

    [Fact]
    public void Classes_with_settable_members_and_structs_with_fields_round_trip()
    {
        var settings =
            from name in ArbMap.Default.GeneratorFor<string?>()
            from values in ArbMap.Default.GeneratorFor<int[]>().OrNull()
            from shade in ArbMap.Default.GeneratorFor<Shade>()
            from x in ArbMap.Default.GeneratorFor<NormalFloat>()
            from hasOrigin in ArbMap.Default.GeneratorFor<bool>()
            select new Settings
            {
                Name = name,
                Values = values,
                Shades = name is null ? null : new Dictionary<string, Shade> { [name] = shade },
                Origin = hasOrigin ? new Vector { X = x.Get, Y = -x.Get } : null,
            };
        Check.One(s_runs, Prop.ForAll(settings.OrNull().ToArbitrary(), value =>
            Json(RoundTrip<Settings?, Settings?>(Prefix + "Configure(ParallelGen.Tests.Remote.Settings)", value)) == Json(value)));
    }

    [Fact]
    public void Arrays_of_tuples_round_trip()
    {
        Check.One(s_runs, Prop.ForAll(Arb<(int, string)[]>(), pairs =>
            Same(RoundTrip<(int Number, string Text)[], (int, string)[]>(Prefix + "Pairs(System.ValueTuple{System.Int32,System.String}[])", pairs), pairs)));
    }

    [Fact]
    public void A_type_with_a_registered_serializer_crosses_through_it()
    {
        Check.One(s_runs, Prop.ForAll(Arb<NonNull<string>>(), secret =>
            RoundTrip<Opaque, string>(Prefix + "Unwrap(ParallelGen.Tests.Remote.Opaque)", new Opaque(secret.Get)) == secret.Get));
    }

    [Fact]
    public void An_instance_method_runs_on_a_copy_of_its_instance()
    {
        Check.One(s_runs, Prop.ForAll(Arb<(int, int)>(), pair =>
        {
            var multiplier = new Multiplier(pair.Item1);
            return RoundTrip<int, int>("M:ParallelGen.Tests.Remote.Multiplier.Apply(System.Int32)", pair.Item2, multiplier) == multiplier.Apply(pair.Item2);
        }));
    }

    [Fact]
    public void Async_methods_are_awaited_and_get_the_token_and_void_methods_return_nothing()
    {
        Assert.Equal(42, RoundTrip<int, int>(Prefix + "DoubleAsync(System.Int32,System.Threading.CancellationToken)", 21));
        Assert.Equal(default, RoundTrip<int, ParallelGen.Infrastructure.NoResult>(Prefix + "Nothing(System.Int32)", 5));
    }

    [Fact]
    public void The_methods_exception_propagates_out_of_InvokeAsync()
    {
        var method = Find<int, int>(Prefix + "Fails(System.Int32)");
        var arguments = new WireWriter();
        method.WriteArguments(arguments, 7);

        var error = Assert.Throws<InvalidOperationException>(() => Invoke(method, null, new WireReader(arguments.WrittenMemory), new WireWriter()));

        Assert.Equal("item 7", error.Message);
    }

    [Fact]
    public void A_derived_instance_is_refused_rather_than_sliced_to_its_declared_type()
    {
        var id = Prefix + "Describe(ParallelGen.Tests.Remote.Animal)";
        Assert.Equal("cat", RoundTrip<Animal, string>(id, new Animal("cat")));

        var error = Assert.Throws<NotSupportedException>(() => Find<Animal, string>(id).WriteArguments(new WireWriter(), new Dog("rex", 3)));

        Assert.Contains("ParallelGen.Tests.Remote.Dog", error.Message, StringComparison.Ordinal);
        Assert.Contains("Animal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_that_cannot_cross_is_registered_with_a_reason_naming_the_parameter_and_its_type()
    {
        Assert.True(RemoteRegistry.TryGet(Prefix + "Later(System.Action)", out var method));

        Assert.IsType<UnavailableRemoteMethod>(method);
        Assert.Contains("WireShapes.Later", method.CannotCrossReason, StringComparison.Ordinal);
        Assert.Contains("parameter 'callback'", method.CannotCrossReason, StringComparison.Ordinal);
        Assert.Contains("Action", method.CannotCrossReason, StringComparison.Ordinal);
        Assert.Contains("delegate", method.CannotCrossReason, StringComparison.Ordinal);
    }

    private static bool Same<T>(IEnumerable<T>? left, IEnumerable<T>? right) =>
        left is null ? right is null : right is not null && left.SequenceEqual(right);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { IncludeFields = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
