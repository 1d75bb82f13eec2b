using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Compilations as a user's project sees them: the shared framework of the test host plus the ParallelGen runtime
/// (the attribute, executors, futures), nullable on, unsafe allowed, the latest language version.
/// </summary>
public static class TestCompilation
{
    /// <summary>The path given to the first source of a test; .editorconfig sections match it.</summary>
    public const string SourcePath = "/src/Test0.cs";

    /// <summary>The parse options of every test source.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);


    /// <summary>The framework assemblies of the test host plus the ParallelGen runtime.</summary>
    public static ImmutableArray<MetadataReference> References => ParallelGen.Tests.Shared.UserReferences.All;

    /// <summary>Compilation options: a library, nullable enabled, unsafe code allowed.</summary>
    public static CSharpCompilationOptions Options { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true)
        .WithConcurrentBuild(false);

    /// <summary>Parses the sources (the first at <see cref="SourcePath"/>) and compiles them.</summary>
    public static CSharpCompilation Create(params string[] sources) => Create((IEnumerable<string>)sources);

    /// <summary>Parses the sources (the first at <see cref="SourcePath"/>) and compiles them.</summary>
    public static CSharpCompilation Create(IEnumerable<string> sources, CSharpCompilationOptions? options = null)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, PathOf(i))).ToArray();
        return CSharpCompilation.Create("TestProject", trees, References, options ?? Options);
    }

    /// <summary>The path of the <paramref name="index"/>th source of a test.</summary>
    public static string PathOf(int index) => $"/src/Test{index}.cs";

    /// <summary>The compiler errors of <paramref name="compilation"/>, formatted, or an empty list.</summary>
    public static IReadOnlyList<string> Errors(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
}
