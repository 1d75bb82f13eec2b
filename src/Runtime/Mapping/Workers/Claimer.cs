using System;
using System.Threading.Tasks;
using ParallelGen.Mapping.Claiming;

namespace ParallelGen.Mapping.Workers;

/// <summary>
/// How a worker gets its next chunk: handed-back rests first, then the source; when neither has work, it asks busy
/// workers to hand back the rest of their chunks and waits for a pulse of the map's signal (or 20 ms). A streaming
/// map's worker also waits while the window is full. The waiting is the only part that differs between a blocking
/// worker (<see cref="Claim"/>) and an asynchronous one (<see cref="ClaimAsync"/>).
/// </summary>
internal sealed class Claimer<TIn, TOut>(MapRun<TIn, TOut> run)
{
    private const int WaitMilliseconds = 20;

    private enum Step
    {
        Claimed,
        Done,
        Retry,
        Wait,
    }

    /// <summary>Claims the next chunk for <paramref name="worker"/>, blocking while it must wait; false when no work is left for it.</summary>
    public bool Claim(MapWorker<TIn, TOut> worker, int budget)
    {
        while (true)
        {
            if (!Begin(worker, budget, out var wanted))
            {
                return false;
            }

            var result = TryClaimReturned(worker, wanted) ? ClaimResult.Claimed : ClaimFromSource(worker, wanted);
            switch (After(worker, result, out var signal))
            {
                case Step.Claimed:
                    return true;
                case Step.Done:
                    return false;
                case Step.Wait:
                    signal!.Wait(WaitMilliseconds);
                    break;
            }
        }
    }

    /// <summary>Claims the next chunk for <paramref name="worker"/>, awaiting while it must wait; false when no work is left for it.</summary>
    public async ValueTask<bool> ClaimAsync(MapWorker<TIn, TOut> worker, int budget)
    {
        while (true)
        {
            if (!Begin(worker, budget, out var wanted))
            {
                return false;
            }

            var result = TryClaimReturned(worker, wanted) ? ClaimResult.Claimed : await ClaimFromSourceAsync(worker, wanted).ConfigureAwait(false);
            switch (After(worker, result, out var signal))
            {
                case Step.Claimed:
                    return true;
                case Step.Done:
                    return false;
                case Step.Wait:
                    await Task.WhenAny(signal!, Task.Delay(WaitMilliseconds)).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Readies a claim of the worker's chunk size; false when the map stops.</summary>
    private bool Begin(MapWorker<TIn, TOut> worker, int budget, out int wanted)
    {
        var stopping = run.Stopping;
        worker.Yield = stopping;
        wanted = Math.Max(1, Math.Min(budget, run.Sizer.Wanted(worker.Size)));
        return !stopping && !run.StopToken.IsCancellationRequested;
    }

    private bool TryClaimReturned(MapWorker<TIn, TOut> worker, int wanted) =>
        run.Returned.Count > 0 && run.Returned.TryClaim(worker.Chunk, wanted);

    private ClaimResult ClaimFromSource(MapWorker<TIn, TOut> worker, int wanted)
    {
        try
        {
            return run.Claims.Claim(worker.Chunk, wanted);
        }
        catch (Exception ex)
        {
            run.RecordSourceFailure(ex);
            return ClaimResult.Exhausted;
        }
    }

    private async ValueTask<ClaimResult> ClaimFromSourceAsync(MapWorker<TIn, TOut> worker, int wanted)
    {
        try
        {
            return await run.Claims.ClaimAsync(worker.Chunk, wanted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            run.RecordSourceFailure(ex);
            return ClaimResult.Exhausted;
        }
    }

    /// <summary>What to do after a claim: run the chunk, stop, try again, or wait for the signal.</summary>
    private Step After(MapWorker<TIn, TOut> worker, ClaimResult result, out Task? signal)
    {
        signal = null;
        if (result == ClaimResult.Claimed)
        {
            run.Claimed(worker);
            return Step.Claimed;
        }

        // Take the signal before re-checking, so a wake-up between the check and the wait is not lost.
        signal = run.Signal.WaitAsync();
        if (result == ClaimResult.WindowFull)
        {
            return run.Stopping || run.Returned.Count > 0 || run.Claims.WindowHasRoom ? Step.Retry : Step.Wait;
        }

        // Nothing left to claim: ask busy workers to hand back the unstarted rest of their chunks.
        var anyBusy = false;
        foreach (var other in run.Workers)
        {
            if (other != worker && other.InChunk)
            {
                other.Yield = true;
                anyBusy = true;
            }
        }

        if (!anyBusy)
        {
            return Step.Done;
        }

        return run.Returned.Count > 0 || run.Stopping ? Step.Retry : Step.Wait;
    }
}
