namespace ParallelGen;

/// <summary>When <see cref="Futures.WaitAsync{T}"/> returns, like the <c>return_when</c> of Python's <c>concurrent.futures.wait</c>.</summary>
public enum WaitFor
{
    /// <summary>When every future has finished (<c>ALL_COMPLETED</c>).</summary>
    AllCompleted = 0,

    /// <summary>When any future finishes or is cancelled (<c>FIRST_COMPLETED</c>).</summary>
    FirstCompleted = 1,

    /// <summary>When any future fails with an exception; when none does, as <see cref="AllCompleted"/> (<c>FIRST_EXCEPTION</c>).</summary>
    FirstException = 2,
}
