using System.Collections.Generic;

namespace ParallelGen;

/// <summary>The outcome of <see cref="Futures.WaitAsync{T}"/>: the futures that had finished and those that had not.</summary>
/// <typeparam name="T">The result type of the futures.</typeparam>
public sealed class WaitResult<T>
{
    internal WaitResult(IReadOnlyCollection<Future<T>> done, IReadOnlyCollection<Future<T>> notDone)
    {
        Done = done;
        NotDone = notDone;
    }

    /// <summary>Futures that had finished (succeeded, failed or cancelled) when the wait returned.</summary>
    public IReadOnlyCollection<Future<T>> Done { get; }

    /// <summary>Futures still pending or running when the wait returned.</summary>
    public IReadOnlyCollection<Future<T>> NotDone { get; }

    /// <summary>Deconstructs into <c>(done, notDone)</c>, as Python's <c>done, not_done = wait(...)</c>.</summary>
    public void Deconstruct(out IReadOnlyCollection<Future<T>> done, out IReadOnlyCollection<Future<T>> notDone)
    {
        done = Done;
        notDone = NotDone;
    }
}

/// <summary>The outcome of <see cref="Futures.WaitAsync(IEnumerable{Future}, WaitFor, System.TimeSpan?, System.Threading.CancellationToken)"/> for futures without a result.</summary>
public sealed class WaitResult
{
    internal WaitResult(IReadOnlyCollection<Future> done, IReadOnlyCollection<Future> notDone)
    {
        Done = done;
        NotDone = notDone;
    }

    /// <summary>Futures that had finished (succeeded, failed or cancelled) when the wait returned.</summary>
    public IReadOnlyCollection<Future> Done { get; }

    /// <summary>Futures still pending or running when the wait returned.</summary>
    public IReadOnlyCollection<Future> NotDone { get; }

    /// <summary>Deconstructs into <c>(done, notDone)</c>.</summary>
    public void Deconstruct(out IReadOnlyCollection<Future> done, out IReadOnlyCollection<Future> notDone)
    {
        done = Done;
        notDone = NotDone;
    }
}
