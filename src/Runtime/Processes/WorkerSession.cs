using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Processes;

/// <summary>
/// A worker's serving loop: a reader thread takes frames off the socket (batches, cancels, shutdown) and the main
/// thread runs batches in order, item by item, sending outcomes in runs. Outcomes are flushed at the end of a batch,
/// when 32 KB or 2 ms have gathered, or after every item when the parent asks (a batch with a timeout, or one retried
/// after a crash: then the parent always knows which item is running).
/// </summary>
internal sealed class WorkerSession
{
    private const int FlushBytes = 32 * 1024;
    private static readonly long s_flushTicks = Stopwatch.Frequency / 500;

    private readonly FrameChannel _channel;
    private readonly ExceptionData? _initFailure;
    private readonly string? _fault;
    private readonly BlockingCollection<byte[]> _batches = new();
    private readonly object _gate = new();
    private readonly HashSet<long> _canceledBatches = new();
    private long _currentBatch = -1;
    private int _currentPosition = -1;
    private CancellationTokenSource? _currentCancel;
    private int _exiting;

    public WorkerSession(FrameChannel channel, ExceptionData? initFailure, string? fault)
    {
        _channel = channel;
        _initFailure = initFailure;
        _fault = fault;
    }

    public int Serve()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => SayGoodbye(Environment.ExitCode);
        var reader = new Thread(ReadLoop) { IsBackground = true, Name = "ParallelGen worker reader" };
        reader.Start();
        foreach (var batch in _batches.GetConsumingEnumerable())
        {
            if (_fault is not null)
            {
                WorkerHost.Misbehave(_channel, _fault);
                Environment.Exit(0);
            }

            try
            {
                RunBatch(batch);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // A malformed batch or a parent that went away: drop the connection, never crash.
                Interlocked.Exchange(ref _exiting, 1);
                Environment.Exit(0);
            }
        }

        SayGoodbye(0);
        _channel.Dispose();
        return 0;
    }

    private void SayGoodbye(int exitCode)
    {
        if (Interlocked.Exchange(ref _exiting, 1) != 0)
        {
            return;
        }

        try
        {
            var writer = new WireWriter(16);
            writer.WriteInt32(exitCode);
            _channel.Send(FrameType.Goodbye, writer);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The parent is gone: nobody to tell.
        }
    }

    private void ReadLoop()
    {
        try
        {
            while (_channel.TryReceive(out var type, out var payload))
            {
                switch (type)
                {
                    case FrameType.Batch:
                        _batches.Add(payload);
                        break;
                    case FrameType.Cancel:
                        Cancel(new WireReader(payload));
                        break;
                    case FrameType.Shutdown:
                        _batches.CompleteAdding();
                        return;
                    default:
                        throw new InvalidDataException($"A worker does not accept {type} frames.");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // Malformed input or a broken connection: drop it (below).
        }

        // The parent is gone (or spoke nonsense): a worker never outlives its connection.
        Interlocked.Exchange(ref _exiting, 1);
        Environment.Exit(0);
    }

    private void Cancel(WireReader reader)
    {
        var batch = reader.ReadInt64();
        var position = reader.ReadInt32();
        lock (_gate)
        {
            if (position == Protocol.WholeBatch)
            {
                _canceledBatches.Add(batch);
            }

            if (_currentBatch == batch && (position == Protocol.WholeBatch || position == _currentPosition))
            {
                _currentCancel?.Cancel();
            }
        }
    }

    private void RunBatch(byte[] payload)
    {
        var reader = new WireReader(payload);
        var id = reader.ReadInt64();
        var methodId = reader.ReadString() ?? string.Empty;
        var flushEach = reader.ReadBoolean();
        var targetBytes = ReadSlice(payload, reader);
        var count = reader.ReadCount(4);
        var items = new ReadOnlyMemory<byte>[count];
        for (var k = 0; k < count; k++)
        {
            items[k] = ReadSlice(payload, reader);
        }

        RemoteMethod? method = null;
        object? target = null;
        var batchFailure = _initFailure ?? ItemDispatch.Prepare(methodId, targetBytes, out method, out target);

        var entries = new WireWriter(1024);
        var result = new WireWriter(256);
        var first = 0;
        var pending = 0;
        var since = 0L;
        var cancel = new CancellationTokenSource();
        for (var k = 0; k < count; k++)
        {
            if (cancel.IsCancellationRequested)
            {
                cancel.Dispose();
                cancel = new CancellationTokenSource();
            }

            bool canceled;
            lock (_gate)
            {
                canceled = _canceledBatches.Contains(id);
                _currentBatch = id;
                _currentPosition = k;
                _currentCancel = cancel;
            }

            if (pending == 0)
            {
                since = Stopwatch.GetTimestamp();
            }

            if (canceled)
            {
                entries.WriteByte((byte)ItemStatus.Canceled);
                entries.WriteInt32(0);
            }
            else if (batchFailure is not null)
            {
                entries.WriteByte((byte)ItemStatus.Failed);
                WritePayload(entries, w => batchFailure.Write(w));
            }
            else
            {
                var succeeded = ItemDispatch.Run(method!, target, items[k], result, cancel.Token);
                entries.WriteByte((byte)(succeeded ? ItemStatus.Succeeded : ItemStatus.Failed));
                entries.WriteBytes(result.WrittenSpan);
            }

            lock (_gate)
            {
                _currentCancel = null;
                _currentPosition = -1;
            }

            pending++;
            if (flushEach || k == count - 1 || entries.Length >= FlushBytes || Stopwatch.GetTimestamp() - since >= s_flushTicks)
            {
                Flush(id, first, pending, entries);
                first = k + 1;
                pending = 0;
                entries.Reset();
            }
        }

        cancel.Dispose();
        lock (_gate)
        {
            _canceledBatches.Remove(id);
            _currentBatch = -1;
        }
    }

    private static void WritePayload(WireWriter entries, Action<WireWriter> write)
    {
        var scratch = new WireWriter(256);
        write(scratch);
        entries.WriteBytes(scratch.WrittenSpan);
    }

    private void Flush(long id, int first, int count, WireWriter entries)
    {
        var frame = new WireWriter(entries.Length + 16);
        frame.WriteInt64(id);
        frame.WriteInt32(first);
        frame.WriteInt32(count);
        entries.WrittenSpan.CopyTo(frame.GetSpan(entries.Length));
        _channel.Send(FrameType.ItemsDone, frame);
    }

    private static ReadOnlyMemory<byte> ReadSlice(byte[] payload, WireReader reader)
    {
        var size = reader.ReadInt32();
        var start = payload.Length - reader.Remaining;
        reader.ReadSpan(size);
        return payload.AsMemory(start, size);
    }
}
