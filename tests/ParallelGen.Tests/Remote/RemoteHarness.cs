using System;
using System.Threading;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Tests.Remote;

/// <summary>
/// Drives a generated <see cref="RemoteMethod{TIn, TOut}"/> as a parent and a worker would, in one process: write the
/// arguments (and the instance), read them back and invoke, write the result, read it back.
/// </summary>
internal static class RemoteHarness
{
    public const string Prefix = "M:ParallelGen.Tests.Remote.WireShapes.";

    public static RemoteMethod<TIn, TOut> Find<TIn, TOut>(string id)
    {
        Assert.True(RemoteRegistry.TryGet(id, out var method), "Not registered: " + id);
        Assert.Null(method.CannotCrossReason);
        return Assert.IsAssignableFrom<RemoteMethod<TIn, TOut>>(method);
    }

    public static TOut RoundTrip<TIn, TOut>(string id, TIn item, object? target = null)
    {
        var method = Find<TIn, TOut>(id);
        var arguments = new WireWriter();
        method.WriteArguments(arguments, item);
        object? copy = null;
        if (method.HasTarget)
        {
            var instance = new WireWriter();
            method.WriteTarget(instance, target!);
            copy = method.ReadTarget(new WireReader(instance.WrittenMemory));
        }

        var result = new WireWriter();
        var reader = new WireReader(arguments.WrittenMemory);
        Invoke(method, copy, reader, result);
        Assert.Equal(0, reader.Remaining);
        var resultReader = new WireReader(result.WrittenMemory);
        var value = method.ReadResult(resultReader);
        Assert.Equal(0, resultReader.Remaining);
        return value;
    }

    public static byte[] Arguments<TIn, TOut>(string id, TIn item)
    {
        var writer = new WireWriter();
        Find<TIn, TOut>(id).WriteArguments(writer, item);
        return writer.WrittenSpan.ToArray();
    }

    public static void Invoke(RemoteMethod method, object? target, WireReader arguments, WireWriter result)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        method.InvokeAsync(target, arguments, result, timeout.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }
}
