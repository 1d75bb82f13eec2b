using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Claiming;

/// <summary>
/// An <see cref="IAsyncEnumerable{T}"/> input: read under an async lock, handing over what has arrived rather than
/// waiting for a slow stream to fill a whole chunk.
/// </summary>
internal sealed class AsyncStreamSource<TIn>(IAsyncEnumerable<TIn> items, ClaimWindow? window) : LazySource<TIn>(window)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IAsyncEnumerator<TIn>? _enumerator;
    private CancellationToken _stop;

    /// <inheritdoc/>
    public override bool IsAsync => true;

    /// <inheritdoc/>
    public override void Open(CancellationToken stop)
    {
        _stop = stop;
        _enumerator = items.GetAsyncEnumerator(stop);
    }

    /// <inheritdoc/>
    public override ClaimResult Claim(Chunk<TIn> chunk, int wanted) =>
        throw new InvalidOperationException("An async stream is claimed with ClaimAsync.");

    /// <inheritdoc/>
    public override async ValueTask<ClaimResult> ClaimAsync(Chunk<TIn> chunk, int wanted)
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            return await ClaimLockedAsync(chunk, wanted).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        if (_enumerator is not null)
        {
            await _enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<ClaimResult> ClaimLockedAsync(Chunk<TIn> chunk, int wanted)
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
        var ended = false;
        try
        {
            while (got < take)
            {
                var moved = enumerator.MoveNextAsync();
                var arrived = moved.IsCompletedSuccessfully;
                if (!(arrived ? moved.Result : await moved.ConfigureAwait(false)))
                {
                    ended = true;
                    break;
                }

                buffer[got++] = enumerator.Current;

                // Hand over what has arrived rather than wait for a slow stream to fill the whole chunk.
                if (!arrived)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            End(-1);
            return ClaimResult.Exhausted;
        }
        catch
        {
            End(-1);
            throw;
        }

        return Claimed(chunk, buffer, got, ended);
    }
}
