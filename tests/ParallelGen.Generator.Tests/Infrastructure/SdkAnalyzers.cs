using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ParallelGen.Generator.Tests.Infrastructure;

/// <summary>The .NET SDK's code-quality analyzers (the CA rules behind <c>AnalysisLevel</c>), loaded from the running SDK.</summary>
internal static class SdkAnalyzers
{
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
        Assert.True(candidates.Count > 0, "No .NET SDK analyzers found under " + root);
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
