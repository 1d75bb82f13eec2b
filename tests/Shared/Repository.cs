using System;
using System.IO;

namespace ParallelGen.Tests.Shared;

/// <summary>
/// Paths of the repository under test, found by walking up from the test binary (not from <c>[CallerFilePath]</c>: CI
/// builds set <c>ContinuousIntegrationBuild</c>, which maps source paths to <c>/_/</c>). Shared by every test project.
/// </summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PackagesFeed => Path.Combine(Root, "artifacts", "packages");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParallelGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ParallelGen.sln not found above {AppContext.BaseDirectory}.");
    }
}
