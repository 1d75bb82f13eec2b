using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Cluster.Benchmarks;

/// <summary>
/// The benchmark's two tasks, as the generator registers [Parallelizable] methods (hand-written until the generated
/// registry is in main): Tiny(x) = x * x and Sleep10(x) = x * 2 after 10 ms.
/// </summary>
internal static class Methods
{
    public static readonly IntMethod Tiny = new("M:Bench.Tiny(System.Int32)", 0);
    public static readonly IntMethod Sleep10 = new("M:Bench.Sleep10(System.Int32)", 10);

#pragma warning disable CA2255 // Filled from a module initializer, as generated code does.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        RemoteRegistry.Register(Tiny);
        RemoteRegistry.Register(Sleep10);
    }

    /// <summary>int -> int, sleeping <paramref name="millis"/> first.</summary>
    internal sealed class IntMethod(string id, int millis) : RemoteMethod<int, int>(id, null)
    {
        public override bool HasTarget => false;

        public override object? ReadTarget(WireReader reader) => null;

        public override void WriteTarget(WireWriter writer, object target) => throw new NotSupportedException();

        public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

        public override int ReadResult(WireReader reader) => reader.ReadInt32();

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            var x = arguments.ReadInt32();
            if (millis > 0)
            {
                Thread.Sleep(millis);
                result.WriteInt32(x * 2);
            }
            else
            {
                result.WriteInt32(x * x);
            }

            return ValueTask.CompletedTask;
        }
    }
}
