using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using ParallelGen.Infrastructure.Remote;
using static ParallelGen.Tests.Remote.RemoteHarness;

namespace ParallelGen.Tests.Remote;

/// <summary>
/// Issue 11 point 2: a truncated or malformed payload throws <see cref="InvalidDataException"/> from the generated
/// serializers — never another exception, a hang or an allocation the payload does not back.
/// </summary>
public sealed class MalformedPayloadTests
{
    private static readonly Order s_sampleOrder = new(7, "seven", new List<Line> { new("a", 1.5m) { Quantity = 2 }, new("b", -3m) });

    private static readonly Settings s_sampleSettings = new()
    {
        Name = "s",
        Values = new[] { 1, 2, 3 },
        Shades = new Dictionary<string, Shade> { ["x"] = Shade.Dark },
        Origin = new Vector { X = 1, Y = 2 },
    };

    /// <summary>Each method with the bytes of one valid item.</summary>
    public static TheoryData<string, byte[]> Payloads => new()
    {
        { Prefix + "Orders(ParallelGen.Tests.Remote.Order)", Arguments<Order?, Order?>(Prefix + "Orders(ParallelGen.Tests.Remote.Order)", s_sampleOrder) },
        { Prefix + "Configure(ParallelGen.Tests.Remote.Settings)", Arguments<Settings?, Settings?>(Prefix + "Configure(ParallelGen.Tests.Remote.Settings)", s_sampleSettings) },
        { CollectionsId, Arguments<(int[]?, List<string?>?, Dictionary<string, int>?, HashSet<long>?), (int[]?, List<string?>?, Dictionary<string, int>?, HashSet<long>?)>(CollectionsId, (new[] { 1 }, new List<string?> { "a", null }, new Dictionary<string, int> { ["k"] = 1 }, new HashSet<long> { 5 })) },
        { TimesId, Arguments<(DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid), (DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid)>(TimesId, (DateTime.UtcNow, DateTimeOffset.Now, TimeSpan.FromHours(1), new DateOnly(2024, 2, 29), new TimeOnly(13, 0), Guid.NewGuid())) },
        { RealsId, Arguments<(float, double, decimal, char, bool, string?), (float, double, decimal, char, bool, string?)>(RealsId, (1f, 2d, 3.5m, 'x', true, "héllo")) },
    };

    private const string CollectionsId = Prefix + "Collections(System.Int32[],System.Collections.Generic.List{System.String},System.Collections.Generic.Dictionary{System.String,System.Int32},System.Collections.Generic.HashSet{System.Int64})";

    private const string TimesId = Prefix + "Times(System.DateTime,System.DateTimeOffset,System.TimeSpan,System.DateOnly,System.TimeOnly,System.Guid)";

    private const string RealsId = Prefix + "Reals(System.Single,System.Double,System.Decimal,System.Char,System.Boolean,System.String)";

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Every_truncation_of_a_valid_payload_throws_InvalidDataException(string id, byte[] payload)
    {
        Assert.True(RemoteRegistry.TryGet(id, out var method));
        Invoke(method, null, new WireReader(payload), new WireWriter()); // the whole payload is valid

        for (var length = 0; length < payload.Length; length++)
        {
            var truncated = payload.AsMemory(0, length);
            Assert.Throws<InvalidDataException>(() => Invoke(method, null, new WireReader(truncated), new WireWriter()));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Random_bytes_either_read_or_throw_InvalidDataException(string id, byte[] payload)
    {
        Assert.True(RemoteRegistry.TryGet(id, out var method));
        var mutations =
            from position in Gen.Choose(0, payload.Length - 1)
            from value in ArbMap.Default.GeneratorFor<byte>()
            from cut in Gen.Choose(0, payload.Length)
            select (position, value, cut);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(mutations.ToArbitrary(), m =>
        {
            var bytes = payload.ToArray();
            bytes[m.position] = m.value;
            return ReadsOrRefuses(method, bytes.AsMemory(0, Math.Max(m.cut, m.position + 1)));
        }));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes => ReadsOrRefuses(method, bytes)));
    }

    [Fact]
    public void A_count_larger_than_the_payload_is_refused_before_allocating()
    {
        var method = Find<(IReadOnlyList<int>, IEnumerable<int>, IList<int>), int[]>(Prefix + "Sequences(System.Collections.Generic.IReadOnlyList{System.Int32},System.Collections.Generic.IEnumerable{System.Int32},System.Collections.Generic.IList{System.Int32})");
        var writer = new WireWriter();
        writer.WritePresence(true);
        writer.WriteInt32(int.MaxValue);
        writer.WriteInt32(1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => Invoke(method, null, new WireReader(writer.WrittenMemory), new WireWriter()));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "The reader allocated for a count the payload does not hold.");
    }

    [Fact]
    public void A_truncated_result_throws_InvalidDataException()
    {
        var method = Find<Order?, Order?>(Prefix + "Orders(ParallelGen.Tests.Remote.Order)");
        var result = new WireWriter();
        var arguments = new WireWriter();
        method.WriteArguments(arguments, s_sampleOrder);
        Invoke(method, null, new WireReader(arguments.WrittenMemory), result);

        Assert.Throws<InvalidDataException>(() => method.ReadResult(new WireReader(result.WrittenMemory[..^1])));
    }

    private static bool ReadsOrRefuses(RemoteMethod method, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            Invoke(method, null, new WireReader(bytes), new WireWriter());
            return true;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }
}
