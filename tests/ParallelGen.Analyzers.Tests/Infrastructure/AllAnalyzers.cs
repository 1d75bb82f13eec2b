using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ParallelGen.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer and code fix ParallelGen ships, found by reflection as the compiler and the IDE find them.</summary>
public static class AllAnalyzers
{
    /// <summary>The analyzer assembly.</summary>
    public static Assembly AnalyzerAssembly => typeof(DiagnosticDescriptors).Assembly;

    /// <summary>The code-fix assembly.</summary>
    public static Assembly CodeFixAssembly => typeof(ParallelGen.CodeFixes.Usage.MakeTypesPartialCodeFix).Assembly;

    /// <summary>A fresh instance of every <see cref="DiagnosticAnalyzer"/> marked <c>[DiagnosticAnalyzer]</c>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>A fresh instance of every <see cref="CodeFixProvider"/> marked <c>[ExportCodeFixProvider]</c>.</summary>
    public static ImmutableArray<CodeFixProvider> CreateCodeFixes() =>
        CodeFixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
