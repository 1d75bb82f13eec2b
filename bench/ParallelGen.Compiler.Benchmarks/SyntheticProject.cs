using System.Globalization;
using System.IO;
using System.Linq;

namespace ParallelGen.Compiler.Benchmarks;

/// <summary>
/// The synthetic compilation written out as an SDK-style project, so that a real <c>dotnet build</c> (csc, its
/// analyzer driver, the SDK's analyzers) can be measured on it: see <c>bench/analyzer-build</c>. The project uses
/// ParallelGen from source as a user's project uses the package (generator and analyzers as analyzers), and
/// <c>-p:ParallelGenAnalyzersOff=true</c> removes ParallelGen's analyzer assembly (the generator stays) so that one
/// project gives every contender.
/// </summary>
public static class SyntheticProject
{
    /// <summary>Writes the project (callers included unless <paramref name="bare"/>) into <paramref name="directory"/>.</summary>
    public static void Write(string directory, string repositoryRoot, bool bare)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < SyntheticCompilation.TypeCount; i++)
        {
            File.WriteAllText(Path.Combine(directory, "Worker" + i.ToString(CultureInfo.InvariantCulture) + ".cs"), SyntheticCompilation.TypeSource(i));
        }

        if (!bare)
        {
            foreach (var i in Enumerable.Range(0, SyntheticCompilation.TypeCount / SyntheticCompilation.CallerStride).Select(k => k * SyntheticCompilation.CallerStride))
            {
                File.WriteAllText(Path.Combine(directory, "Callers" + i.ToString(CultureInfo.InvariantCulture) + ".cs"), SyntheticCompilation.CallerSource(i));
            }
        }

        File.WriteAllText(Path.Combine(directory, SyntheticCompilation.UnrelatedPath), SyntheticCompilation.UnrelatedSource(0));
        var props = Path.Combine(Path.GetFullPath(repositoryRoot), "build", "UseParallelGenFromSource.props");
        File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{props}" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <Deterministic>true</Deterministic>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <!-- -p:ParallelGenAnalyzersOff=true: the same build without ParallelGen's analyzers (its generator stays). -->
              <Target Name="RemoveParallelGenAnalyzers" BeforeTargets="CoreCompile" Condition="'$(ParallelGenAnalyzersOff)' == 'true'">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'ParallelGen.Analyzers'" />
                </ItemGroup>
              </Target>
            </Project>
            """);
    }
}
