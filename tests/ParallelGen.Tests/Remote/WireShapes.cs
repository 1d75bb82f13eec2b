using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

[assembly: ParallelGen.WireSerializer(typeof(ParallelGen.Tests.Remote.OpaqueSerializer))]

namespace ParallelGen.Tests.Remote;

/// <summary>An enum that crosses as its underlying value.</summary>
public enum Shade : short
{
    Light = 1,
    Dark = -2,
}

/// <summary>A positional record holding a list of another record.</summary>
public sealed record Order(int Id, string? Name, List<Line>? Lines);

/// <summary>A positional record with an init member outside its constructor.</summary>
public sealed record Line(string Sku, decimal Price)
{
    public int Quantity { get; init; }
}

/// <summary>A struct with public fields, rebuilt by its parameterless constructor.</summary>
public struct Vector
{
    public double X;
    public double Y;
}

/// <summary>A class with settable members only.</summary>
public sealed class Settings
{
    public string? Name { get; set; }

    public int[]? Values { get; set; }

    public Dictionary<string, Shade>? Shades { get; set; }

    public Vector? Origin { get; set; }

    /// <summary>Computed, not state: does not travel.</summary>
    public int Count => Values?.Length ?? 0;
}

/// <summary>A record that can be derived from: only instances of exactly this type cross.</summary>
public record Animal(string Name);

/// <summary>A derived record: its extra members would be lost as an <see cref="Animal"/>, so it is refused.</summary>
public sealed record Dog(string Name, int Barks) : Animal(Name);

/// <summary>A type with private state that crosses only through its registered serializer.</summary>
public sealed class Opaque
{
    private readonly string _secret;

    public Opaque(string secret) => _secret = secret;

    public string Reveal() => _secret;
}

/// <summary>The registered serializer of <see cref="Opaque"/>.</summary>
public sealed class OpaqueSerializer : IWireSerializer<Opaque>
{
    public void Write(WireWriter writer, Opaque value) => writer.WriteString(value.Reveal());

    public Opaque Read(WireReader reader) => new(reader.ReadString() ?? string.Empty);
}

/// <summary>An instance method's object travels with it (as pickle copies a bound method's object).</summary>
public sealed partial record Multiplier(int Factor)
{
    [Parallelizable]
    public int Apply(int value) => value * Factor;
}

/// <summary>[Parallelizable] methods of every supported shape; each returns what it got, so a round trip equals the input.</summary>
public static partial class WireShapes
{
    [Parallelizable]
    public static (byte, sbyte, short, ushort, int, uint, long) Integers(byte a, sbyte b, short c, ushort d, int e, uint f, long g) => (a, b, c, d, e, f, g);

    [Parallelizable]
    public static ulong Unsigned(ulong value) => value;

    [Parallelizable]
    public static (float, double, decimal, char, bool, string?) Reals(float a, double b, decimal c, char d, bool e, string? f) => (a, b, c, d, e, f);

    [Parallelizable]
    public static (DateTime, DateTimeOffset, TimeSpan, DateOnly, TimeOnly, Guid) Times(DateTime a, DateTimeOffset b, TimeSpan c, DateOnly d, TimeOnly e, Guid f) => (a, b, c, d, e, f);

    [Parallelizable]
    public static (Shade, Shade?, int?) Enums(Shade a, Shade? b, int? c) => (a, b, c);

    [Parallelizable]
    public static (int[]?, List<string?>?, Dictionary<string, int>?, HashSet<long>?) Collections(int[]? a, List<string?>? b, Dictionary<string, int>? c, HashSet<long>? d) => (a, b, c, d);

    [Parallelizable]
    public static int[] Sequences(IReadOnlyList<int> a, IEnumerable<int> b, IList<int> c)
    {
        var all = new List<int>(a);
        all.AddRange(b);
        all.AddRange(c);
        return all.ToArray();
    }

    [Parallelizable]
    public static Order? Orders(Order? order) => order;

    [Parallelizable]
    public static Settings? Configure(Settings? settings) => settings;

    [Parallelizable]
    public static string Unwrap(Opaque opaque) => opaque.Reveal();

    [Parallelizable]
    public static (int, string)[] Pairs((int Number, string Text)[] pairs) => pairs;

    [Parallelizable]
    public static async Task<int> DoubleAsync(int value, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return value * 2;
    }

    [Parallelizable]
    public static void Nothing(int value) => _ = value;

    [Parallelizable]
    public static int Fails(int value) => throw new InvalidOperationException("item " + value);

    [Parallelizable]
    public static string Describe(Animal animal) => animal.Name;

    [Parallelizable]
    public static int Later(Action callback) => callback is null ? 0 : 1;
}
