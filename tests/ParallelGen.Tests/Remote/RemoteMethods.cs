using System;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Tests.Remote;

/// <summary>Hand-written cross-process forms of test methods, as the generator would emit them, registered once.</summary>
internal static class RemoteMethods
{
    public const string SquareId = "M:ParallelGen.Tests.Remote.Sample.Square(System.Int32)";
    public const string RecordId = "M:ParallelGen.Tests.Remote.Sample.Record(System.Int32)";
    public const string ScaleId = "M:ParallelGen.Tests.Remote.Sample.Scale(System.Int32)";
    public const string PinnedId = "M:ParallelGen.Tests.Remote.Sample.Pinned(System.IntPtr)";

    static RemoteMethods()
    {
        RemoteRegistry.Register(new Square());
        RemoteRegistry.Register(new Record());
        RemoteRegistry.Register(new Scale());
        RemoteRegistry.Register(new Pinned());
    }

    public static ParallelMethod SquareMethod => Ensure(new ParallelMethod(SquareId));

    public static ParallelMethod RecordMethod => Ensure(new ParallelMethod(RecordId));

    public static ParallelMethod ScaleMethod(int factor) => Ensure(new ParallelMethod(ScaleId, Target: new Scaler(factor)));

    public static ParallelMethod PinnedMethod => Ensure(new ParallelMethod(PinnedId));

    /// <summary>The body a thread executor would run: the same as the remote one.</summary>
    public static WorkBody<int, int> SquareBody => WorkBody<int, int>.Sync((x, _) => SquareOf(x));

    private static ParallelMethod Ensure(ParallelMethod method) => method;

    /// <summary>x * x; negative items throw, as a method's own exception.</summary>
    public static int SquareOf(int x) => x >= 0 ? x * x : throw new ArgumentOutOfRangeException(nameof(x), x, "Negative item.");

    /// <summary>An instance for <see cref="ScaleId"/>.</summary>
    public sealed record Scaler(int Factor);

    private sealed class Square() : RemoteMethod<int, int>(SquareId, null)
    {
        public override bool HasTarget => false;

        public override object? ReadTarget(WireReader reader) => null;

        public override void WriteTarget(WireWriter writer, object target)
        {
        }

        public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            result.WriteInt32(SquareOf(arguments.ReadInt32()));
            return default;
        }

        public override int ReadResult(WireReader reader) => reader.ReadInt32();
    }

    /// <summary>A method without a result: the worker side records what it saw.</summary>
    private sealed class Record() : RemoteMethod<int, NoResult>(RecordId, null)
    {
        public static readonly System.Collections.Concurrent.ConcurrentBag<int> Seen = [];

        public override bool HasTarget => false;

        public override object? ReadTarget(WireReader reader) => null;

        public override void WriteTarget(WireWriter writer, object target)
        {
        }

        public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            Seen.Add(arguments.ReadInt32());
            return default;
        }

        public override NoResult ReadResult(WireReader reader) => default;
    }

    /// <summary>An instance method: the instance travels with each batch.</summary>
    private sealed class Scale() : RemoteMethod<int, int>(ScaleId, null)
    {
        public override bool HasTarget => true;

        public override object? ReadTarget(WireReader reader) => new Scaler(reader.ReadInt32());

        public override void WriteTarget(WireWriter writer, object target) => writer.WriteInt32(((Scaler)target).Factor);

        public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            result.WriteInt32(((Scaler)target!).Factor * arguments.ReadInt32());
            return default;
        }

        public override int ReadResult(WireReader reader) => reader.ReadInt32();
    }

    /// <summary>A method that cannot cross (a pointer-sized handle means nothing in another process).</summary>
    private sealed class Pinned() : RemoteMethod<int, int>(PinnedId, $"'{PinnedId}' cannot run in another process: its parameter of type System.IntPtr does not cross.")
    {
        public override bool HasTarget => false;

        public override object? ReadTarget(WireReader reader) => null;

        public override void WriteTarget(WireWriter writer, object target)
        {
        }

        public override void WriteArguments(WireWriter writer, int item) => throw new NotSupportedException();

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override int ReadResult(WireReader reader) => throw new NotSupportedException();
    }

    /// <summary>What the worker side of <see cref="RecordId"/> saw.</summary>
    public static System.Collections.Concurrent.ConcurrentBag<int> RecordSeen => Record.Seen;
}
