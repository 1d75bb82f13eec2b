using System;
using System.ComponentModel;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure;

/// <summary>
/// A synchronous method's body over a run of items, as the generated wrappers write it: a plain loop that calls the
/// method directly, so the JIT can inline it (a call through a delegate per item costs more than a tiny method).
/// Runs <c>items[done..]</c> into <c>results[done..]</c>, advancing <paramref name="done"/> past each finished item; when
/// an item throws, <paramref name="done"/> is that item's index. Not for direct use.
/// </summary>
/// <typeparam name="TIn">The item.</typeparam>
/// <typeparam name="TOut">The method's result.</typeparam>
/// <param name="items">The items.</param>
/// <param name="results">Where their results go, index for index.</param>
/// <param name="done">How many items have finished (in: where to start).</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public delegate void ChunkBody<TIn, TOut>(ReadOnlySpan<TIn> items, Span<TOut> results, ref int done);
