using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using ParallelGen.Analyzers.Races;
using ParallelGen.Analyzers.Tests.Infrastructure;

namespace ParallelGen.Analyzers.Tests.Races;

/// <summary>
/// The race analyzers on the shared markup harness (<see cref="AnalyzerVerifier"/>): the test source is written as a user
/// writes it, with the usual usings supplied as global usings beside it.
/// </summary>
public static class RaceVerifier
{
    /// <summary>Global usings a typical project has; compiled beside every race test source.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Concurrent;
        global using System.Collections.Generic;
        global using System.Collections.Immutable;
        global using System.Collections.Frozen;
        global using System.Linq;
        global using System.Text;
        global using System.Threading;
        global using System.Threading.Channels;
        global using System.Threading.Tasks;
        global using ParallelGen;
        """;

    /// <summary>Every race analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        ImmutableArray.Create<DiagnosticAnalyzer>(new SharedStateRaceAnalyzer(), new SharedWorkItemArgumentAnalyzer());

    /// <summary>Checks that exactly the marked race diagnostics are reported.</summary>
    public static Task<AnalyzerRun> VerifyAsync(string markup) =>
        new AnalyzerVerifier { Analyzers = Analyzers(), AdditionalSources = new[] { GlobalUsings } }.RunAsync(markup);
}
