using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ParallelGen;

/// <summary>
/// Runs work items: one at a time through <see cref="Submit{T}"/>, or many through <see cref="Map{TIn, TOut}"/> and
/// <see cref="AsCompleted{TIn, TOut}"/>. The generated wrappers call an executor; <see cref="Executors.Default"/>
/// unless one is given.
/// </summary>
public interface IExecutor : IAsyncDisposable
{
    /// <summary>
    /// The executor's width: the number of workers a map uses when neither <see cref="MapOptions.MaxDegreeOfParallelism"/>
    /// nor the attribute asks for another (on the default <see cref="ThreadPoolExecutor"/>, where an automatic degree
    /// starts), and, for executors created with a width, the most work items run at once.
    /// </summary>
    int MaxWorkers { get; }

    /// <summary>Schedules <paramref name="work"/> and returns its future, like Python's <c>executor.submit</c>.</summary>
    /// <exception cref="InvalidOperationException">The executor has been shut down.</exception>
    Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="body"/> to every item and returns the results in input order, like <c>Pool.map</c>.</summary>
    TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="body"/> to every item and streams each finished item in completion order, like <c>imap_unordered</c>.</summary>
    IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Stops accepting work. Running work finishes; pending work is cancelled when <paramref name="cancelPending"/> is true.</summary>
    Task ShutdownAsync(bool cancelPending = false);
}
