using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// A lazy input of a map without results or of a stream: read under a lock, only the chunk a worker is about to run
/// (within the window when streaming), so the items of a source that blocks between items (a queue) do not wait
/// for more.
/// </summary>
internal sealed class EnumeratedSource<TIn>(IEnumerable<TIn> items, ClaimWindow? window) : LazySource<TIn>(window)
{
    private readonly object _lock = new();
    private IEnumerator<TIn>? _enumerator;

    /// <inheritdoc/>
    public override void Open(CancellationToken stop) => _enumerator = items.GetEnumerator();

    /// <inheritdoc/>
    public override ClaimResult Claim(Chunk<TIn> chunk, int wanted)
    {
        lock (_lock)
        {
            if (Exhausted)
            {
                return ClaimResult.Exhausted;
            }

            if (!TryTakeWithinWindow(wanted, out var take))
            {
                return ClaimResult.WindowFull;
            }

            var buffer = chunk.Buffer(take);
            var got = 0;
            var enumerator = _enumerator!;
            try
            {
                while (got < take && enumerator.MoveNext())
                {
                    buffer[got++] = enumerator.Current;
                }
            }
            catch
            {
                End(-1);
                throw;
            }

            return Claimed(chunk, buffer, got, got < take);
        }
    }

    /// <inheritdoc/>
    public override ValueTask DisposeAsync()
    {
        _enumerator?.Dispose();
        return default;
    }
}
