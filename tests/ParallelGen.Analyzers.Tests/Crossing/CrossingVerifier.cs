using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Analyzers.Crossing;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.Crossing;

/// <summary>
/// Runs the cross-process analyzer on markup, beside a stand-in <c>ParallelGen.ProcessPoolExecutor</c> (the analyzer
/// knows the pool by metadata name only) and hand-written wrappers of the shape the generator emits.
/// </summary>
internal static class CrossingVerifier
{
    public const string ProcessPoolStub = """
        namespace ParallelGen
        {
            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class ProcessPoolExecutor : IExecutor
            {
                public ProcessPoolExecutor(int workers = 0) => MaxWorkers = workers;
                public int MaxWorkers { get; }
                public Future<T> Submit<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken = default) => throw new NotSupportedException();
                public TOut[] Map<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
                public IAsyncEnumerable<Completed<TIn, TOut>> AsCompleted<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> body, MapOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
                public Task ShutdownAsync(bool cancelPending = false) => Task.CompletedTask;
                public ValueTask DisposeAsync() => default;
            }
        }
        """;

    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CrossProcessAnalyzer());

    public static Task<AnalyzerRun> Verify(string markup, bool withPool = true) =>
        new AnalyzerVerifier { Analyzers = Analyzers, AdditionalSources = withPool ? new[] { ProcessPoolStub } : System.Array.Empty<string>() }.RunAsync(markup);
}
