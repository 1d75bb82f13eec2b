using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ParallelGen.Tests.Shared;

namespace ParallelGen.IntegrationTests;

/// <summary>
/// The proof that one package brings the generator, the analyzers and the runtime: pack, then consume the package
/// from the local feed in a fresh console project outside the repository, exactly as a user would.
/// </summary>
public sealed class PackageConsumptionTests
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(6);

    private static string Version { get; } = typeof(PackageConsumptionTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ParallelGenVersion").Value!;

    [Fact]
    public async Task Packed_package_holds_runtime_for_both_frameworks_and_roslyn_components_but_no_roslyn()
    {
        var package = await PackOnceAsync();

        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("lib/net8.0/ParallelGen.dll", entries);
        Assert.Contains("lib/net10.0/ParallelGen.dll", entries);
        Assert.Contains("lib/net8.0/ParallelGen.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/ParallelGen.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ParallelGen.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ParallelGen.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));

        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var manifest = await reader.ReadToEndAsync();
        Assert.DoesNotContain("<dependency ", manifest, StringComparison.Ordinal);
        Assert.Contains($"<version>{Version}</version>", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roslyn_components_reference_no_compiler_newer_than_4_8_so_older_SDKs_load_them()
    {
        var package = await PackOnceAsync();
        using var zip = ZipFile.OpenRead(package);
        var components = zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, components.Count);
        foreach (var entry in components)
        {
            using var stream = new MemoryStream();
            using (var source = entry.Open())
            {
                await source.CopyToAsync(stream);
            }

            stream.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetAssemblyReference(handle);
                var name = metadata.GetString(reference.Name);
                if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    Assert.True(reference.Version <= new Version(4, 8, 0, 0), $"{entry.FullName} references {name} {reference.Version}; older compilers would refuse it (CS9057).");
                }
            }
        }
    }

    [Fact]
    public async Task Fresh_console_project_gets_wrappers_runtime_and_race_warnings_from_the_one_package()
    {
        await PackOnceAsync();
        var work = Directory.CreateTempSubdirectory("parallelgen-consumer-");
        try
        {
            // Only the local feed: the package must need nothing else. A private package folder, so the package
            // packed just now is the one extracted, never a stale copy from the user-wide cache.
            File.WriteAllText(Path.Combine(work.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(work.FullName, "packages")}" /></config>
                  <packageSources>
                    <clear />
                    <add key="local" value="{Repository.PackagesFeed}" />
                  </packageSources>
                </configuration>
                """);

            (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "new", "console", "-o", "App", "--framework", "net10.0"))
                .AssertSuccess("dotnet new console");
            var app = Path.Combine(work.FullName, "App");
            (await DotNetCli.RunAsync(app, s_commandTimeout, null, "add", "package", "ParallelGen", "--version", Version))
                .AssertSuccess("dotnet add package ParallelGen");
            File.WriteAllText(Path.Combine(app, "Program.cs"), ConsumerProgram);

            var build = (await DotNetCli.RunAsync(app, s_commandTimeout, null, "build", "-c", "Release")).AssertSuccess("dotnet build");
            Assert.Contains("PG0101", build.Output, StringComparison.Ordinal); // the race analyzer rode along

            var run = (await DotNetCli.RunAsync(app, s_commandTimeout, null, "run", "-c", "Release", "--no-build")).AssertSuccess("dotnet run");
            Assert.Contains("squares: 0 1 4 9 16 25 36 49 64 81", run.Output, StringComparison.Ordinal);
            Assert.Contains("submit: 49", run.Output, StringComparison.Ordinal);
            Assert.Contains("as-completed sum: 285", run.Output, StringComparison.Ordinal);
            Assert.Contains("caught: InvalidOperationException: bad item 3", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private const string ConsumerProgram = """
        using System;
        using System.Linq;
        using ParallelGen;

        var squares = Calc.SquareMap(Enumerable.Range(0, 10));
        Console.WriteLine("squares: " + string.Join(" ", squares));

        Console.WriteLine("submit: " + await Calc.SquareSubmit(7));

        var sum = 0;
        await foreach (var done in Calc.SquareAsCompleted(Enumerable.Range(0, 10)))
        {
            sum += done.Result;
        }
        Console.WriteLine("as-completed sum: " + sum);

        try
        {
            Calc.CheckedMap(Enumerable.Range(0, 10));
        }
        catch (InvalidOperationException ex)
        {
            Console.WriteLine($"caught: {ex.GetType().Name}: {ex.Message}");
        }

        public static partial class Calc
        {
            private static int calls;

            [Parallelizable]
            public static int Square(int x)
            {
                calls++; // a data race: PG0101 must be reported at build time
                return x * x;
            }

            [Parallelizable]
            public static int Checked(int x) => x == 3 ? throw new InvalidOperationException("bad item 3") : x;
        }
        """;

    private static readonly Lazy<Task<string>> s_pack = new(PackAsync);

    internal static Task<string> PackOnceAsync() => s_pack.Value;

    private static async Task<string> PackAsync()
    {
        var project = Path.Combine(Repository.Root, "src", "Runtime", "ParallelGen.csproj");
        (await DotNetCli.RunAsync(Repository.Root, s_commandTimeout, null, "pack", project, "-c", "Release", "-o", Repository.PackagesFeed))
            .AssertSuccess("dotnet pack");
        var package = Path.Combine(Repository.PackagesFeed, $"ParallelGen.{Version}.nupkg");
        Assert.True(File.Exists(package), $"dotnet pack did not produce {package}");
        return package;
    }
}
