using System;
using System.Threading.Tasks;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// A worker with an asynchronous part (an async body, an async source, or a stream whose window may be full): it
/// awaits, never blocks, while it runs as asynchronous work. An executor whose threads only block (a
/// <see cref="WorkerPool"/>) waits for the whole loop at once.
/// </summary>
internal sealed class AsyncWorker<TIn, TOut>(MapRun<TIn, TOut> run, bool fromBack) : ThreadWorker<TIn, TOut>(run, fromBack)
{
    private bool _budgetSpent;

    /// <inheritdoc/>
    public override bool PrefersBlocking => false;

    /// <inheritdoc/>
    public override bool MayBlock => Run.Runner.IsSync;

    /// <inheritdoc/>
    public override int RunBlocking(int budget, out bool finished)
    {
        finished = true;
        if (!TryBegin())
        {
            return 0;
        }

        var processed = 0;
        try
        {
            var loop = LoopAsync(budget);
            processed = loop.IsCompletedSuccessfully ? loop.Result : loop.AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            Run.RecordSourceFailure(ex);
        }

        if (_budgetSpent)
        {
            _budgetSpent = false;
            finished = false;
            return processed;
        }

        Exit();
        return processed;
    }

    /// <inheritdoc/>
    public override async ValueTask RunAsync()
    {
        if (!TryBegin())
        {
            return;
        }

        try
        {
            await LoopAsync(int.MaxValue).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Run.RecordSourceFailure(ex);
        }
        finally
        {
            Exit();
        }
    }

    private async ValueTask<int> LoopAsync(int budget)
    {
        var processed = 0;
        var sync = Run.Runner.IsSync;
        while (true)
        {
            if (processed >= budget)
            {
                _budgetSpent = true;
                return processed;
            }

            if (!await Run.Claimer.ClaimAsync(this, budget - processed).ConfigureAwait(false))
            {
                return processed;
            }

            processed += sync ? Run.Runner.RunSync(this) : await Run.Runner.RunAsync(this).ConfigureAwait(false);
            if (Run.ShouldRetire())
            {
                return processed;
            }
        }
    }
}
