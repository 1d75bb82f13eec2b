using System;
using System.Buffers.Binary;
using System.IO;
using System.Net.Sockets;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Processes;

/// <summary>
/// Length-prefixed frames over one connected socket: <c>[int32 length][byte type][payload]</c>, the length counting the
/// type byte and payload. Reads block (one reader thread per connection, faster than async reads for this traffic);
/// sends are serialized by a lock. A frame longer than the limit, an unknown type or a stream ending inside a frame
/// throws <see cref="InvalidDataException"/>: the owner drops the connection.
/// </summary>
internal sealed class FrameChannel : IDisposable
{
    private const int HeaderSize = 5;
    private readonly Socket _socket;
    private readonly object _sendGate = new();
    private readonly byte[] _header = new byte[HeaderSize];
    private byte[] _sendBuffer = new byte[4096];

    public FrameChannel(Socket socket, int maxFrameBytes)
    {
        _socket = socket;
        MaxFrameBytes = maxFrameBytes;
    }

    /// <summary>The largest frame (type byte and payload) accepted or sent.</summary>
    public int MaxFrameBytes { get; set; }

    /// <summary>Sends one frame.</summary>
    public void Send(FrameType type, ReadOnlySpan<byte> payload)
    {
        var length = payload.Length + 1;
        if (length > MaxFrameBytes)
        {
            throw new InvalidDataException($"A {type} frame of {length} bytes exceeds the limit of {MaxFrameBytes} bytes.");
        }

        lock (_sendGate)
        {
            var total = HeaderSize + payload.Length;
            if (_sendBuffer.Length < total)
            {
                _sendBuffer = new byte[Math.Max(total, _sendBuffer.Length * 2)];
            }

            BinaryPrimitives.WriteInt32LittleEndian(_sendBuffer, length);
            _sendBuffer[4] = (byte)type;
            payload.CopyTo(_sendBuffer.AsSpan(HeaderSize));
            var sent = 0;
            while (sent < total)
            {
                sent += _socket.Send(_sendBuffer, sent, total - sent, SocketFlags.None);
            }

            if (_sendBuffer.Length > 1 << 20)
            {
                _sendBuffer = new byte[4096];
            }
        }
    }

    /// <summary>Sends one frame whose payload is what <paramref name="writer"/> holds.</summary>
    public void Send(FrameType type, WireWriter writer) => Send(type, writer.WrittenSpan);

    /// <summary>Sends a frame as raw bytes, unchecked (tests: malformed frames).</summary>
    public void SendRaw(ReadOnlySpan<byte> bytes)
    {
        lock (_sendGate)
        {
            _socket.Send(bytes);
        }
    }

    /// <summary>Reads the next frame; false at a clean end of stream (between frames).</summary>
    public bool TryReceive(out FrameType type, out byte[] payload)
    {
        type = default;
        payload = Array.Empty<byte>();
        if (!ReadExactly(_header, 0, HeaderSize, allowEnd: true))
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(_header);
        if (length < 1 || length > MaxFrameBytes)
        {
            throw new InvalidDataException($"A frame length of {length} bytes is outside 1..{MaxFrameBytes}.");
        }

        type = (FrameType)_header[4];
        if (type is < FrameType.Hello or > FrameType.Shutdown)
        {
            throw new InvalidDataException($"Unknown frame type {(byte)type}.");
        }

        payload = length == 1 ? Array.Empty<byte>() : new byte[length - 1];
        ReadExactly(payload, 0, payload.Length, allowEnd: false);
        return true;
    }

    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }

    private bool ReadExactly(byte[] buffer, int offset, int count, bool allowEnd)
    {
        var read = 0;
        while (read < count)
        {
            var n = _socket.Receive(buffer, offset + read, count - read, SocketFlags.None);
            if (n == 0)
            {
                if (allowEnd && read == 0)
                {
                    return false;
                }

                throw new InvalidDataException($"The connection ended inside a frame ({read} of {count} bytes read).");
            }

            read += n;
        }

        return true;
    }
}
