using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ParallelGen.Tests.Shared;

namespace ParallelGen.IntegrationTests;

/// <summary>
/// Auto-parallelize from the command line: a copy of <c>samples/LoopsToMaps</c>, consuming the packed package as a user
/// would, is fixed by <c>dotnet format analyzers --diagnostics PG0200 PG0201 --severity info</c>; it then builds without
/// a warning (warnings are errors), prints exactly what it printed before, and has nothing left to fix.
/// </summary>
public sealed class AutoParallelFormatTests
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(6);

    private static string Version { get; } = typeof(AutoParallelFormatTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ParallelGenVersion").Value!;

    [Fact]
    public async Task Dotnet_format_turns_the_safe_loops_into_maps_and_the_program_prints_the_same()
    {
        await PackageConsumptionTests.PackOnceAsync();
        var work = Directory.CreateTempSubdirectory("parallelgen-loops-");
        try
        {
            var app = CreateSolution(work.FullName);
            (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "build", "LoopsToMaps.sln", "-c", "Release")).AssertSuccess("dotnet build (before)");
            var before = (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "run", "--project", app, "-c", "Release", "--no-build")).AssertSuccess("dotnet run (before)").Output;
            Assert.Contains("scores: ", before, StringComparison.Ordinal);

            (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "format", "analyzers", "LoopsToMaps.sln", "--diagnostics", "PG0200", "PG0201", "--severity", "info"))
                .AssertSuccess("dotnet format analyzers");

            var program = File.ReadAllText(Path.Combine(work.FullName, "LoopsToMaps", "Program.cs"));
            foreach (var call in new[] { "Text.ScoreMap(words)", "Primes.CountBelowMap(", "Geometry.EllipseMap(", "Primes.SumBelowMap(", "Text.ShoutMap(words)", "await Remote.FetchMapAsync(words)" })
            {
                Assert.Contains(call, program, StringComparison.Ordinal);
            }

            // The unsafe loops are untouched: output in the body, a static counter, a running dependence.
            Assert.Contains("Console.WriteLine(\"in order: \" + Text.Score(word));", program, StringComparison.Ordinal);
            Assert.Contains("audited.Add(Audit.Check(size));", program, StringComparison.Ordinal);
            Assert.Contains("running += Primes.SumBelow((int)(running % 1000) + size, 1);", program, StringComparison.Ordinal);
            var text = File.ReadAllText(Path.Combine(work.FullName, "LoopsToMaps", "Text.cs"));
            Assert.Matches(new Regex(@"public static partial class Text"), text);
            Assert.Equal(2, Regex.Matches(text, @"^\s*\[Parallelizable\]\r?$", RegexOptions.Multiline).Count);
            Assert.DoesNotContain("partial class Audit", File.ReadAllText(Path.Combine(work.FullName, "LoopsToMaps", "Numbers.cs")), StringComparison.Ordinal);

            var build = (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "build", "LoopsToMaps.sln", "-c", "Release")).AssertSuccess("dotnet build (after)");
            Assert.Matches(new Regex(@"\b0 Warning\(s\)"), build.Output);
            var after = (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "run", "--project", app, "-c", "Release", "--no-build")).AssertSuccess("dotnet run (after)").Output;
            Assert.Equal(before, after);

            (await DotNetCli.RunAsync(work.FullName, s_commandTimeout, null, "format", "analyzers", "LoopsToMaps.sln", "--diagnostics", "PG0200", "PG0201", "--severity", "info", "--verify-no-changes"))
                .AssertSuccess("dotnet format analyzers --verify-no-changes (nothing left to fix)");
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

    /// <summary>The sample's sources with a project that takes ParallelGen from the local feed, in a one-project solution.</summary>
    private static string CreateSolution(string root)
    {
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(root, "packages")}" /></config>
              <packageSources>
                <clear />
                <add key="local" value="{Repository.PackagesFeed}" />
              </packageSources>
            </configuration>
            """);
        var app = Path.Combine(root, "LoopsToMaps");
        Directory.CreateDirectory(app);
        foreach (var source in Directory.GetFiles(Path.Combine(Repository.Root, "samples", "LoopsToMaps"), "*.cs"))
        {
            File.Copy(source, Path.Combine(app, Path.GetFileName(source)));
        }

        File.WriteAllText(Path.Combine(app, "LoopsToMaps.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ParallelGen" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        var project = Path.Combine("LoopsToMaps", "LoopsToMaps.csproj");
        File.WriteAllText(Path.Combine(root, "LoopsToMaps.sln"), Solution(project));
        return app;
    }

    /// <summary>A classic solution file with one C# project, as <c>dotnet new sln --format sln</c> and <c>dotnet sln add</c> write it.</summary>
    private static string Solution(string project)
    {
        var guid = Guid.NewGuid().ToString("B").ToUpperInvariant();
        var configurations = new List<string>();
        foreach (var configuration in new[] { "Debug", "Release" })
        {
            configurations.Add($"\t\t{guid}.{configuration}|Any CPU.ActiveCfg = {configuration}|Any CPU");
            configurations.Add($"\t\t{guid}.{configuration}|Any CPU.Build.0 = {configuration}|Any CPU");
        }

        return string.Join("\r\n", new[]
        {
            string.Empty,
            "Microsoft Visual Studio Solution File, Format Version 12.00",
            "# Visual Studio Version 17",
            "VisualStudioVersion = 17.0.31903.59",
            "MinimumVisualStudioVersion = 10.0.40219.1",
            $"Project(\"{{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}}\") = \"LoopsToMaps\", \"{project.Replace('/', '\\')}\", \"{guid}\"",
            "EndProject",
            "Global",
            "\tGlobalSection(SolutionConfigurationPlatforms) = preSolution",
            "\t\tDebug|Any CPU = Debug|Any CPU",
            "\t\tRelease|Any CPU = Release|Any CPU",
            "\tEndGlobalSection",
            "\tGlobalSection(ProjectConfigurationPlatforms) = postSolution",
        }.Concat(configurations).Concat(new[]
        {
            "\tEndGlobalSection",
            "EndGlobal",
            string.Empty,
        }));
    }
}
