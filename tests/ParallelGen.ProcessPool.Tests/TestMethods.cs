using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.ProcessPool.Tests;

/// <summary>Hand-written stand-ins for what the generator emits: registered from this assembly's module initializer.</summary>
internal static class TestMethods
{
    public static readonly SquareMethod Square = new();
    public static readonly BehaveMethod Behave = new();
    public static readonly AddOffsetMethod AddOffset = new();

    [ModuleInitializer]
    internal static void Register()
    {
        RemoteRegistry.Register(Square);
        RemoteRegistry.Register(Behave);
        RemoteRegistry.Register(AddOffset);
    }
}

internal sealed class SquareMethod() : RemoteMethod<int, long>("M:Tests.Square(System.Int32)", null)
{
    public override bool HasTarget => false;

    public override object? ReadTarget(WireReader reader) => null;

    public override void WriteTarget(WireWriter writer, object target) => throw new NotSupportedException();

    public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

    public override long ReadResult(WireReader reader) => reader.ReadInt64();

    public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
    {
        var x = arguments.ReadInt32();
        result.WriteInt64((long)x * x);
        return ValueTask.CompletedTask;
    }
}

/// <summary>An instance method: the instance (an Adder) is copied to the worker with each batch.</summary>
internal sealed class AddOffsetMethod() : RemoteMethod<int, int>("M:Tests.Adder.Add(System.Int32)", null)
{
    public override bool HasTarget => true;

    public override object? ReadTarget(WireReader reader) => new Adder(reader.ReadInt32());

    public override void WriteTarget(WireWriter writer, object target) => writer.WriteInt32(((Adder)target).Offset);

    public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

    public override int ReadResult(WireReader reader) => reader.ReadInt32();

    public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
    {
        result.WriteInt32(((Adder)target!).Add(arguments.ReadInt32()));
        return ValueTask.CompletedTask;
    }
}

internal sealed record Adder(int Offset)
{
    public int Add(int x) => x + Offset;
}

/// <summary>string command -> string: runs a behaviour in the worker (crash, throw, sleep, report its pid...).</summary>
internal sealed class BehaveMethod() : RemoteMethod<string, string>("M:Tests.Behave(System.String)", null)
{
    public override bool HasTarget => false;

    public override object? ReadTarget(WireReader reader) => null;

    public override void WriteTarget(WireWriter writer, object target) => throw new NotSupportedException();

    public override void WriteArguments(WireWriter writer, string item) => writer.WriteString(item);

    public override string ReadResult(WireReader reader) => reader.ReadString()!;

    public override async ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
    {
        var command = arguments.ReadString()!;
        result.WriteString(await Behaviours.RunAsync(command, cancellationToken));
    }
}

internal static class Behaviours
{
    public static string? Initialized;
    public static ProcessPoolExecutor? NestedPool;

    public static void Initialize() => Initialized = "initialized in " + Environment.ProcessId;

    public static void InitializeAndFail() => throw new InvalidOperationException("the initializer failed");

    public static async Task<string> RunAsync(string command, CancellationToken cancellationToken)
    {
        var (verb, arg) = command.Split(':', 2) is [var v, var a] ? (v, a) : (command, "");
        switch (verb)
        {
            case "ok":
                return arg;
            case "pid":
                return Environment.ProcessId.ToString();
            case "init":
                return Initialized ?? "not initialized";
            case "print":
                Console.WriteLine("hello from the worker");
                return "printed";
            case "throw-invalid":
                throw new InvalidOperationException("bad state: " + arg);
            case "throw-inner":
                throw new InvalidOperationException("outer", new ArgumentException("inner cause"));
            case "throw-custom":
                throw new CustomWithoutMessageCtor(42);
            case "kill":
                Process.GetCurrentProcess().Kill();
                Thread.Sleep(Timeout.Infinite);
                return "unreachable";
            case "segfault":
                _ = strlen(1);
                return "unreachable";
            case "failfast":
                Environment.FailFast("failing fast on purpose");
                return "unreachable";
            case "stackoverflow":
                return Recurse(0).ToString();
            case "exit":
                Environment.Exit(int.Parse(arg));
                return "unreachable";
            case "sleep":
                await Task.Delay(int.Parse(arg), cancellationToken);
                return "slept";
            case "spin":
                var until = Stopwatch.StartNew();
                while (until.ElapsedMilliseconds < int.Parse(arg))
                {
                    Thread.SpinWait(1000);
                }

                return "spun";
            case "allocate":
                s_hold = new byte[int.Parse(arg) << 20];
                Array.Fill(s_hold, (byte)1);
                return "allocated";
            case "hoard":
                // Up to arg MB in 1 MB arrays, each touched so it is committed: past a heap limit, out of memory.
                var hoard = new System.Collections.Generic.List<byte[]>();
                for (var mb = 0; mb < int.Parse(arg); mb++)
                {
                    var block = new byte[1 << 20];
                    Array.Fill(block, (byte)1);
                    hoard.Add(block);
                }

                return "hoarded " + hoard.Count + " MB";
            case "pool-pids":
                return string.Join(",", NestedPool!.WorkerProcessIds);
            case "nested-pool":
                NestedPool = new ProcessPoolExecutor(int.Parse(arg));
                await NestedPool.StartAsync(cancellationToken);
                return string.Join(",", NestedPool.WorkerProcessIds);
            default:
                throw new ArgumentException("unknown command " + command);
        }
    }

    private static byte[]? s_hold;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Recurse(int depth)
    {
        Span<byte> pad = stackalloc byte[256];
        pad[0] = (byte)depth;
        return Recurse(depth + 1) + pad[0];
    }

    [DllImport("libc")]
    private static extern nint strlen(nint pointer);
}

/// <summary>An exception type the parent cannot rebuild (no (string) constructor): arrives as RemoteException.</summary>
public sealed class CustomWithoutMessageCtor(int code) : Exception("custom code " + code)
{
    public int Code { get; } = code;
}
