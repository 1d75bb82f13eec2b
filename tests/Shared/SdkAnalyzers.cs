using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ParallelGen.Tests.Shared;

/// <summary>
/// The .NET SDK's code-quality analyzers (the CA rules behind <c>AnalysisLevel</c>, which every SDK-style build runs by
/// default), loaded from the SDK beside the running runtime. Shared by the generator tests and the compiler benchmarks.
/// </summary>
public static class SdkAnalyzers
{
    /// <summary>Loads the analyzers of the newest SDK found.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Load()
    {
        var directory = FindAnalyzerDirectory();
        var loader = new Loader();
        return new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .SelectMany(file => new AnalyzerFileReference(Path.Combine(directory, file), loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
    }

    private static string FindAnalyzerDirectory()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll -> <dotnet root>/sdk/<version>/Sdks/Microsoft.NET.Sdk/analyzers
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var candidates = Directory.Exists(Path.Combine(root, "sdk"))
            ? Directory.GetDirectories(Path.Combine(root, "sdk"))
                .Select(static sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .Where(static d => File.Exists(Path.Combine(d, "Microsoft.CodeAnalysis.NetAnalyzers.dll")))
                .OrderBy(static d => d, StringComparer.Ordinal)
                .ToList()
            : new System.Collections.Generic.List<string>();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("No .NET SDK analyzers found under " + root);
        }

        return candidates[^1];
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
