using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>
/// Namespaces follow folders in the compile-time half of the product: the generator, the analyzers, the code fixes and
/// the source they share. (Polyfills of compiler types keep the namespace the compiler looks for.)
/// </summary>
public sealed partial class NamespaceTests
{
    [Theory]
    [InlineData("src/Generator", "ParallelGen.Generator")]
    [InlineData("src/Analyzers/ParallelGen.Analyzers", "ParallelGen.Analyzers")]
    [InlineData("src/Analyzers/ParallelGen.CodeFixes", "ParallelGen.CodeFixes")]
    [InlineData("src/Shared", "ParallelGen.Shared")]
    public void Each_file_declares_the_namespace_of_its_folder(string folder, string rootNamespace)
    {
        var root = Path.Combine(Repository.Root, folder);
        var wrong = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .Select(path => (Path: path, Declared: NamespaceOf(File.ReadAllText(path)), Expected: Expected(rootNamespace, root, path)))
            .Where(f => f.Declared != "System.Runtime.CompilerServices" && f.Declared != f.Expected)
            .Select(f => $"{Path.GetRelativePath(Repository.Root, f.Path)}: {f.Declared}, expected {f.Expected}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin");

    private static string Expected(string rootNamespace, string root, string path)
    {
        var relative = Path.GetDirectoryName(Path.GetRelativePath(root, path)) ?? string.Empty;
        return relative.Length == 0 ? rootNamespace : rootNamespace + "." + relative.Replace(Path.DirectorySeparatorChar, '.');
    }

    private static string? NamespaceOf(string source) => NamespacePattern().Match(source) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();
}
