using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>
/// The methods the cluster tests run on workers, registered as the generator registers [Parallelizable] methods
/// (a module initializer). Written by hand until the generated registry is in main; each records its executions
/// in the file named by PG_TEST_EXECLOG so tests can count them.
/// </summary>
internal static class TestMethods
{
    public static readonly SleepEcho Sleep = new();
    public static readonly Fail Thrower = new();
    public static readonly Poison Poisoned = new();

    private static readonly object s_logGate = new();

#pragma warning disable CA2255 // The registry is filled from a module initializer, exactly as generated code does.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        RemoteRegistry.Register(Sleep);
        RemoteRegistry.Register(Thrower);
        RemoteRegistry.Register(Poisoned);
    }

    internal static void RecordExecution(int value)
    {
        if (Environment.GetEnvironmentVariable("PG_TEST_EXECLOG") is { Length: > 0 } path)
        {
            // One file per worker process, one writer at a time: appends from several writers can overwrite each other.
            lock (s_logGate)
            {
                File.AppendAllText($"{path}.{Environment.ProcessId}", $"{value} {Environment.ProcessId} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}\n");
            }
        }
    }

    /// <summary>(value, milliseconds) -> value * 2 after waiting (the wait sees the token).</summary>
    public sealed class SleepEcho() : StaticMethod<(int Value, int Millis), int>("M:Tests.SleepEcho(System.Int32,System.Int32)")
    {
        public override void WriteArguments(WireWriter writer, (int Value, int Millis) item)
        {
            writer.WriteInt32(item.Value);
            writer.WriteInt32(item.Millis);
        }

        public override int ReadResult(WireReader reader) => reader.ReadInt32();

        public override async ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            var value = arguments.ReadInt32();
            var millis = arguments.ReadInt32();
            RecordExecution(value);
            if (millis > 0)
            {
                await Task.Delay(millis, cancellationToken).ConfigureAwait(false);
            }

            result.WriteInt32(value * 2);
        }
    }

    /// <summary>message -> throws InvalidOperationException(message) from a named method (for the remote stack).</summary>
    public sealed class Fail() : StaticMethod<string, int>("M:Tests.Fail(System.String)")
    {
        public override void WriteArguments(WireWriter writer, string item) => writer.WriteString(item);

        public override int ReadResult(WireReader reader) => reader.ReadInt32();

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            var message = arguments.ReadString() ?? string.Empty;
            RecordExecution(-1);
            ThrowFromWorker(message);
            return ValueTask.CompletedTask;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void ThrowFromWorker(string message) => throw new InvalidOperationException(message);
    }

    /// <summary>value -> value, except 13, which kills its worker process every time.</summary>
    public sealed class Poison() : StaticMethod<int, int>("M:Tests.Poison(System.Int32)")
    {
        public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

        public override int ReadResult(WireReader reader) => reader.ReadInt32();

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken)
        {
            var value = arguments.ReadInt32();
            RecordExecution(value);
            if (value == 13)
            {
                using var self = Process.GetCurrentProcess();
                self.Kill();
            }

            result.WriteInt32(value);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A static method: no instance crosses.</summary>
    public abstract class StaticMethod<TIn, TOut>(string id) : RemoteMethod<TIn, TOut>(id, null)
    {
        public override bool HasTarget => false;

        public override object? ReadTarget(WireReader reader) => null;

        public override void WriteTarget(WireWriter writer, object target) => throw new NotSupportedException("A static method has no instance.");
    }
}
