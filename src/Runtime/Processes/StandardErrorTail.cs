using System;
using System.Text;

namespace ParallelGen.Processes;

/// <summary>The last 64 KB a worker wrote to its standard error (the runtime's crash banner comes first, the stack after it).</summary>
internal sealed class StandardErrorTail
{
    public const int Capacity = 64 * 1024;
    private readonly byte[] _ring = new byte[Capacity];
    private long _written;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_ring)
        {
            if (bytes.Length >= Capacity)
            {
                bytes = bytes[^Capacity..];
            }

            var start = (int)(_written % Capacity);
            var first = Math.Min(bytes.Length, Capacity - start);
            bytes[..first].CopyTo(_ring.AsSpan(start));
            bytes[first..].CopyTo(_ring);
            _written += bytes.Length;
        }
    }

    public override string ToString()
    {
        lock (_ring)
        {
            if (_written <= Capacity)
            {
                return Encoding.UTF8.GetString(_ring, 0, (int)_written);
            }

            var start = (int)(_written % Capacity);
            var ordered = new byte[Capacity];
            _ring.AsSpan(start).CopyTo(ordered);
            _ring.AsSpan(0, start).CopyTo(ordered.AsSpan(Capacity - start));
            return Encoding.UTF8.GetString(ordered);
        }
    }
}
