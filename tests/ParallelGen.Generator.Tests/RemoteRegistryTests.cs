using System;
using System.Linq;
using System.Threading.Tasks;
using ParallelGen.Generator.Tests.Infrastructure;

namespace ParallelGen.Generator.Tests;

/// <summary>
/// The cross-process registry and serializers the generator emits (issue 11, point 2): the text for representative
/// types (snapshot), compiled without warnings, and run — a value written, read, invoked and its result read back.
/// </summary>
public sealed class RemoteRegistryTests
{
    private const string WireSource = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using ParallelGen;
        using ParallelGen.Infrastructure.Remote;

        [assembly: WireSerializer(typeof(Demo.Wire.TokenSerializer))]

        namespace Demo.Wire;

        public enum Level : byte { Low, High }
        public sealed record Item(string Sku, decimal Price, Level Level);
        public sealed record Basket(int Id, List<Item>? Items, Dictionary<string, int[]>? Tags)
        {
            public DateTime? When { get; init; }
            public HashSet<Guid>? Seen { get; set; }
        }
        public struct Point { public double X; public double Y; }
        public sealed class Token { private readonly string _value; public Token(string value) => _value = value; public override string ToString() => _value; }
        public sealed class TokenSerializer : IWireSerializer<Token>
        {
            public void Write(WireWriter writer, Token value) => writer.WriteString(value.ToString());
            public Token Read(WireReader reader) => new(reader.ReadString() ?? "");
        }

        public static partial class Shop
        {
            [Parallelizable] public static Basket? Check(Basket? basket, IReadOnlyList<Point> points) => basket;
            [Parallelizable] public static async Task<string> NameAsync(Token token, CancellationToken cancellationToken) { await Task.Yield(); return token.ToString(); }
            [Parallelizable] public static (int, long, short, byte, sbyte, uint, ulong, ushort, char) Nine(int a, long b, short c, byte d, sbyte e, uint f, ulong g, ushort h, char i) => (a, b, c, d, e, f, g, h, i);
            [Parallelizable] public static long Size(Stream stream) => stream.Length;
            [Parallelizable] private static int Hidden(Secret secret) => secret.Value;
            private sealed class Secret { public int Value { get; set; } }
        }
        """;

    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Demo.Wire;
        using ParallelGen;
        using ParallelGen.Infrastructure.Remote;

        #pragma warning disable PG9000 // the probe calls the registry by hand, as only generated code should

        public static class Probe
        {
            public static async Task<string> RunAsync()
            {
                var basket = new Basket(7, new List<Item> { new("a", 1.5m, Level.High) }, new Dictionary<string, int[]> { ["t"] = new[] { 1, 2 } })
                {
                    When = new DateTime(2024, 2, 29, 0, 0, 0, DateTimeKind.Utc),
                    Seen = new HashSet<Guid> { Guid.Empty },
                };
                var back = await RoundTrip<(Basket?, IReadOnlyList<Point>), Basket?>("M:Demo.Wire.Shop.Check(Demo.Wire.Basket,System.Collections.Generic.IReadOnlyList{Demo.Wire.Point})", (basket, new[] { new Point { X = 1, Y = 2 } }));
                var name = await RoundTrip<Token, string>("M:Demo.Wire.Shop.NameAsync(Demo.Wire.Token,System.Threading.CancellationToken)", new Token("tok"));
                var nine = await RoundTrip<(int, long, short, byte, sbyte, uint, ulong, ushort, char), (int, long, short, byte, sbyte, uint, ulong, ushort, char)>(
                    "M:Demo.Wire.Shop.Nine(System.Int32,System.Int64,System.Int16,System.Byte,System.SByte,System.UInt32,System.UInt64,System.UInt16,System.Char)", (1, 2, 3, 4, 5, 6, 7, 8, 'z'));
                RemoteRegistry.TryGet("M:Demo.Wire.Shop.Size(System.IO.Stream)", out var size);
                RemoteRegistry.TryGet("M:Demo.Wire.Shop.Hidden(Demo.Wire.Shop.Secret)", out var hidden);
                return string.Join("\n",
                    back!.Id + " " + back.Items![0] + " " + string.Join(",", back.Tags!["t"]) + " " + back.When!.Value.Kind + " " + back.Seen!.Count,
                    name,
                    nine.ToString(),
                    size!.CannotCrossReason,
                    hidden!.CannotCrossReason);
            }

            private static async Task<TOut> RoundTrip<TIn, TOut>(string id, TIn item)
            {
                RemoteRegistry.TryGet(id, out var found);
                var method = (RemoteMethod<TIn, TOut>)found!;
                var arguments = new WireWriter();
                method.WriteArguments(arguments, item);
                var result = new WireWriter();
                await method.InvokeAsync(null, new WireReader(arguments.WrittenMemory), result, CancellationToken.None);
                return method.ReadResult(new WireReader(result.WrittenMemory));
            }
        }
        """;

    [Fact]
    public void Registry_and_serializers_match_snapshot()
    {
        var (result, _) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(WireSource));

        Snapshot.Verify("RemoteSerializers#__ParallelGenRemote", GeneratorHarness.Generated(result)["__ParallelGenRemote.g.cs"]);
    }

    [Fact]
    public void Registry_and_serializers_compile_without_warnings()
    {
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(WireSource));

        CompiledAssembly.AssertClean(output);
    }

    [Fact]
    public async Task Values_round_trip_through_the_generated_registry_and_uncrossable_methods_carry_their_reason()
    {
        var output = (await CompiledAssembly.RunProbeAsync(WireSource, Probe)).Split('\n');

        Assert.Equal("7 Item { Sku = a, Price = 1.5, Level = High } 1,2 Utc 1", output[0]);
        Assert.Equal("tok", output[1]);
        Assert.Equal("(1, 2, 3, 4, 5, 6, 7, 8, z)", output[2]);
        Assert.Equal("'Shop.Size' cannot run in a worker process: parameter 'stream': Stream: a stream, reader, writer, file or socket is a handle of this process; pass a path, a URI or the bytes.", output[3]);
        Assert.StartsWith("'Shop.Hidden' cannot run in a worker process: parameter 'secret': Shop.Secret: it is private", output[4], StringComparison.Ordinal);
    }
}
