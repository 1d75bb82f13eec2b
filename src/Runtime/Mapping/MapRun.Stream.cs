using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Mapping.Sinks;

namespace ParallelGen.Mapping;

internal sealed partial class MapRun<TIn, TOut>
{
    /// <summary>
    /// Yields finished items (completion order, or input order when <see cref="MapOptions.Ordered"/>), advancing the
    /// window as the consumer takes them. Leaving the loop early stops the map and waits for running items.
    /// </summary>
    public async IAsyncEnumerable<Completed<TIn, TOut>> ConsumeAsync([EnumeratorCancellation] CancellationToken consumerToken = default)
    {
        using var consumerRegistration = consumerToken.UnsafeRegister(static state => ((MapRun<TIn, TOut>)state!).Stop(), this);
        var reader = ((StreamSink<TIn, TOut>)Sink).Reader;
        var window = _window!;
        var ring = _ordered ? new Completed<TIn, TOut>?[Window] : null;
        long yielded = 0;
        var finished = false;
        try
        {
            var signalEvery = Window / 8;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var batch))
                {
                    foreach (var completed in batch)
                    {
                        _firstFailure?.Throw();
                        consumerToken.ThrowIfCancellationRequested();
                        _callerToken.ThrowIfCancellationRequested();
                        if (ring is null)
                        {
                            yielded++;
                            window.Consumed(yielded);
                            if (yielded % signalEvery == 0)
                            {
                                Signal.Set();
                            }

                            yield return completed;
                            continue;
                        }

                        ring[completed.Index % Window] = completed;
                        while (ring[yielded % Window] is { } next && next.Index == yielded)
                        {
                            ring[yielded % Window] = null;
                            yielded++;
                            window.Consumed(yielded);
                            if (yielded % signalEvery == 0)
                            {
                                Signal.Set();
                            }

                            _firstFailure?.Throw();
                            yield return next;
                        }
                    }
                }

                // Caught up with the workers: wake any waiting for room before waiting for them.
                Signal.Set();
            }

            await _done.Task.ConfigureAwait(false);
            finished = true;
            _firstFailure?.Throw();
            consumerToken.ThrowIfCancellationRequested();
            _callerToken.ThrowIfCancellationRequested();
            if (WorkLeft())
            {
                throw new OperationCanceledException("The executor was shut down before the map finished.");
            }
        }
        finally
        {
            if (!finished)
            {
                Stop();
                await _done.Task.ConfigureAwait(false);
            }
        }
    }
}
