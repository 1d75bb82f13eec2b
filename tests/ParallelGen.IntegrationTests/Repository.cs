using System;
using System.IO;

namespace ParallelGen.IntegrationTests;

/// <summary>Paths of the repository under test, found from the test assembly's location.</summary>
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
