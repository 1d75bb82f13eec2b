using System;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// A worker whose every part is synchronous (a synchronous body over an array, a list or a lazy enumerable, results
/// not streamed): a plain loop on a thread that may block, waiting for work with a blocking wait.
/// </summary>
internal sealed class SyncWorker<TIn, TOut>(MapRun<TIn, TOut> run, bool fromBack) : ThreadWorker<TIn, TOut>(run, fromBack)
{
    /// <inheritdoc/>
    public override bool PrefersBlocking => true;

    /// <inheritdoc/>
    public override int RunBlocking(int budget, out bool finished)
    {
        finished = true;
        var processed = 0;
        if (!TryBegin())
        {
            return 0;
        }

        try
        {
            while (true)
            {
                if (processed >= budget)
                {
                    finished = false;
                    return processed;
                }

                if (!Run.Claimer.Claim(this, budget - processed))
                {
                    break;
                }

                processed += Run.Runner.RunSync(this);
                Run.Helpers.AfterChunk();
                if (Run.ShouldRetire())
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            Run.RecordSourceFailure(ex);
        }

        Exit();
        return processed;
    }

    /// <inheritdoc/>
    public override ValueTask RunAsync()
    {
        RunBlocking(int.MaxValue, out _);
        return default;
    }
}
