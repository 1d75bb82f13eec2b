using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Analyzers.Tests.Standard;

/// <summary>
/// The ecosystem's harness (<c>Microsoft.CodeAnalysis.CSharp.Analyzer.Testing</c> / <c>CodeFix.Testing</c>) set up as
/// ParallelGen's tests need it: the test host's framework and the ParallelGen runtime as references (no reference
/// package is downloaded), nullable on, unsafe code allowed, the latest language version.
/// </summary>
internal static class StandardTests
{
    /// <summary>An analyzer test of <typeparamref name="TAnalyzer"/> on <paramref name="markup"/>.</summary>
    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Analyzer<TAnalyzer>(string markup)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = markup };
        Configure(test);
        return test;
    }

    /// <summary>A code-fix test: <paramref name="markup"/> is fixed by <typeparamref name="TFix"/> into <paramref name="fixedCode"/>.</summary>
    public static CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> CodeFix<TAnalyzer, TFix>(string markup, string fixedCode)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier> { TestCode = markup, FixedCode = fixedCode };
        Configure(test);
        return test;
    }

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        // No reference package: the framework of the test host and the runtime, as the hand-written harness uses.
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(UserReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithAllowUnsafe(true);
            var parse = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Latest);
            return solution.WithProjectCompilationOptions(projectId, options).WithProjectParseOptions(projectId, parse);
        });
    }
}
