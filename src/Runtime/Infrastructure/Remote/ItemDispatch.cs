using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// The worker side of every transport (process pool, cluster): finds a registered method, reads the instance it runs
/// on, and runs one item, writing its result or its exception as data (<see cref="ExceptionData"/>) — an exception of
/// the method is a result, never a crash of the worker. The transports only move the bytes. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public static class ItemDispatch
{
    /// <summary>
    /// Finds method <paramref name="methodId"/> in <see cref="RemoteRegistry"/> and reads the instance it runs on from
    /// <paramref name="target"/> (for an instance method). Returns <see langword="null"/> when both worked, else the
    /// failure as data, which every item of the batch then reports.
    /// </summary>
    /// <param name="methodId">The method's id, as sent.</param>
    /// <param name="target">The serialized instance (empty for a static method).</param>
    /// <param name="method">The method found, or <see langword="null"/>.</param>
    /// <param name="instance">The instance read, or <see langword="null"/>.</param>
    public static ExceptionData? Prepare(string methodId, ReadOnlyMemory<byte> target, out RemoteMethod? method, out object? instance)
    {
        instance = null;
        if (!RemoteRegistry.TryGet(methodId, out method))
        {
            return ExceptionData.From(new InvalidOperationException($"The method '{methodId}' is not registered in the worker process: its assembly was not loaded there."));
        }

        try
        {
            instance = method.HasTarget ? method.ReadTarget(new WireReader(target)) : null;
            return null;
        }
        catch (Exception ex)
        {
            return ExceptionData.From(ex);
        }
    }

    /// <summary>
    /// Runs one item on this thread (blocking on an asynchronous method). Returns <see langword="true"/> when the method
    /// returned (<paramref name="output"/> then holds its serialized result), <see langword="false"/> when it threw
    /// (<paramref name="output"/> then holds the exception as data).
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="instance">Its instance, or <see langword="null"/>.</param>
    /// <param name="arguments">The item's serialized arguments.</param>
    /// <param name="output">Where the result or the exception goes; reset first.</param>
    /// <param name="cancellationToken">The item's token.</param>
    public static bool Run(RemoteMethod method, object? instance, ReadOnlyMemory<byte> arguments, WireWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset();
        try
        {
            var task = method.InvokeAsync(instance, new WireReader(arguments), output, cancellationToken);
            if (task.IsCompletedSuccessfully)
            {
                task.GetAwaiter().GetResult();
            }
            else
            {
                task.AsTask().GetAwaiter().GetResult();
            }

            return true;
        }
        catch (Exception ex)
        {
            output.Reset();
            ExceptionData.Write(output, ex);
            return false;
        }
    }

    /// <summary>
    /// Runs one item asynchronously, as <see cref="Run"/>. With a <paramref name="timeout"/>, an item still running at
    /// its end is abandoned (its token is cancelled) and reported as a <see cref="TimeoutException"/>.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="instance">Its instance, or <see langword="null"/>.</param>
    /// <param name="arguments">The item's serialized arguments.</param>
    /// <param name="output">Where the result or the exception goes; reset first.</param>
    /// <param name="timeout">The item's timeout, or <see langword="null"/> for none.</param>
    /// <param name="where">Names the worker in the timeout's message (e.g. <c>host/pid</c>).</param>
    /// <param name="cancellationToken">The item's token.</param>
    public static async ValueTask<bool> RunAsync(RemoteMethod method, object? instance, ReadOnlyMemory<byte> arguments, WireWriter output, TimeSpan? timeout, string where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset();
        try
        {
            if (timeout is not { } limit || limit <= TimeSpan.Zero)
            {
                await method.InvokeAsync(instance, new WireReader(arguments), output, cancellationToken).ConfigureAwait(false);
                return true;
            }

            // The item gets its own token: a late item is abandoned without cancelling the others.
            using var item = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var scratch = new WireWriter();
            var invoke = Task.Run(() => method.InvokeAsync(instance, new WireReader(arguments), scratch, item.Token).AsTask(), CancellationToken.None);
            if (await Task.WhenAny(invoke, Task.Delay(limit, CancellationToken.None)).ConfigureAwait(false) != invoke)
            {
                item.Cancel();
                _ = invoke.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
                throw new TimeoutException($"The item ran longer than its timeout of {limit.TotalMilliseconds:0} ms on worker {where}: its token was cancelled and the item abandoned.");
            }

            await invoke.ConfigureAwait(false);
            scratch.WrittenSpan.CopyTo(output.GetSpan(scratch.Length));
            return true;
        }
        catch (Exception ex)
        {
            output.Reset();
            ExceptionData.Write(output, ex);
            return false;
        }
    }
}
