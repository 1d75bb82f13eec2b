using System;

namespace ParallelGen;

/// <summary>One finished work item of a map without a result, as yielded by <c>XAsCompleted</c> of a <c>void</c> or <c>Task</c> method.</summary>
/// <typeparam name="TIn">The item type.</typeparam>
public class Completed<TIn>
{
    /// <summary>Creates a finished item.</summary>
    public Completed(long index, TIn input, Exception? exception)
    {
        Index = index;
        Input = input;
        Exception = exception;
    }

    /// <summary>The item's position in the input.</summary>
    public long Index { get; }

    /// <summary>The item itself.</summary>
    public TIn Input { get; }

    /// <summary>The exception the item threw, or <see langword="null"/> when it succeeded.</summary>
    public Exception? Exception { get; }

    /// <summary>Whether the item ran to completion without an exception.</summary>
    public bool Succeeded => Exception is null;
}

/// <summary>One finished work item of a map, as yielded by <c>XAsCompleted</c> in completion order.</summary>
/// <typeparam name="TIn">The item type.</typeparam>
/// <typeparam name="TOut">The result type.</typeparam>
public sealed class Completed<TIn, TOut> : Completed<TIn>
{
    private readonly TOut _result;

    /// <summary>Creates a finished item.</summary>
    public Completed(long index, TIn input, TOut result, Exception? exception)
        : base(index, input, exception)
    {
        _result = result;
    }

    /// <summary>The item's result. Reading it for a failed item rethrows that item's exception.</summary>
    public TOut Result
    {
        get
        {
            if (Exception is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(Exception).Throw();
            }

            return _result;
        }
    }
}
