using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;

namespace ParallelGen.RabbitMQ.Hosting;

/// <summary>
/// Fills the registry of a worker: every assembly of the application folder that references ParallelGen is loaded
/// and its module initializer run (the generated code registers its <c>[Parallelizable]</c> methods there). Reading
/// references with System.Reflection.Metadata keeps the other assemblies unloaded.
/// To be unified with the process pool's worker host when both are in main.
/// </summary>
internal static class AppAssemblies
{
    private static readonly object s_gate = new();
    private static bool s_done;

    public static void RegisterAll()
    {
        lock (s_gate)
        {
            if (s_done)
            {
                return;
            }

            s_done = true;
            var loaded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (!assembly.IsDynamic && ReferencesParallelGen(assembly.GetName().Name))
                {
                    RunModuleInitializer(assembly);
                }

                loaded.Add(assembly.GetName().Name ?? string.Empty);
            }

            foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (loaded.Contains(name) || !FileReferencesParallelGen(path))
                {
                    continue;
                }

                Load(path);
            }
        }
    }

    /// <summary>Loads the application assembly at <paramref name="path"/> and registers its methods.</summary>
    public static void Load(string path)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(AssemblyName.GetAssemblyName(path));
        }
        catch (FileNotFoundException)
        {
            assembly = Assembly.LoadFrom(path);
        }

        RunModuleInitializer(assembly);
    }

    private static void RunModuleInitializer(Assembly assembly)
    {
        foreach (var module in assembly.GetModules())
        {
            RuntimeHelpers.RunModuleConstructor(module.ModuleHandle);
        }
    }

    private static bool ReferencesParallelGen(string? name) =>
        name is not null && name is not "ParallelGen" and not "ParallelGen.RabbitMQ" && FileReferencesParallelGen(Path.Combine(AppContext.BaseDirectory, name + ".dll"));

    private static bool FileReferencesParallelGen(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var metadata = pe.GetMetadataReader();
            var own = metadata.GetString(metadata.GetAssemblyDefinition().Name);
            if (own is "ParallelGen" or "ParallelGen.RabbitMQ")
            {
                return false;
            }

            foreach (var handle in metadata.AssemblyReferences)
            {
                if (metadata.GetString(metadata.GetAssemblyReference(handle).Name) == "ParallelGen")
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }
}
