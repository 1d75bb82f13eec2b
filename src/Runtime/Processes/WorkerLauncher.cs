using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ParallelGen.Processes;

/// <summary>
/// How a worker process is started: the <c>dotnet</c> host runs the worker host dll with the app's own
/// runtimeconfig and deps (<c>dotnet exec --runtimeconfig app.runtimeconfig.json --depsfile app.deps.json
/// ParallelGen.Worker.dll ...</c>), so the worker binds exactly the assemblies the app binds, never runs the app's
/// <c>Main</c>, and works the same under <c>dotnet run</c>, <c>dotnet test</c> (testhost), a framework-dependent
/// publish and an apphost. Resolved once per pool; a deployment it cannot serve fails at pool creation.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The process pool needs a framework-dependent app with its assemblies as files; trimmed and NativeAOT apps fail at pool creation.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: the worker host runs untrimmed; a type not found falls back to RemoteException.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location (single-file) is detected and refused with a message saying what to do.")]
internal sealed class WorkerLauncher
{
    /// <summary>The worker host's file name, beside the app's assemblies.</summary>
    public const string WorkerDllName = "ParallelGen.Worker.dll";

    private WorkerLauncher(string host, string runtimeConfig, string depsFile, string workerDll)
    {
        Host = host;
        RuntimeConfig = runtimeConfig;
        DepsFile = depsFile;
        WorkerDll = workerDll;
    }

    public string Host { get; }

    public string RuntimeConfig { get; }

    public string DepsFile { get; }

    public string WorkerDll { get; }

    /// <summary>Finds what a worker needs, or throws <see cref="PlatformNotSupportedException"/> saying what to do.</summary>
    public static WorkerLauncher Resolve()
    {
        var runtimeAssembly = typeof(WorkerLauncher).Assembly.Location;
        if (RefusalOf(runtimeAssembly, RuntimeFeature.IsDynamicCodeSupported) is { } refusal)
        {
            throw new PlatformNotSupportedException(refusal);
        }

        var deps = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string)?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? Path.Combine(AppContext.BaseDirectory, (Assembly.GetEntryAssembly()?.GetName().Name ?? "app") + ".deps.json");
        var runtimeConfig = deps.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase)
            ? deps[..^".deps.json".Length] + ".runtimeconfig.json"
            : string.Empty;
        if (!File.Exists(deps) || !File.Exists(runtimeConfig))
        {
            throw new PlatformNotSupportedException(
                $"ProcessPoolExecutor needs the app's deps and runtimeconfig files to start workers (looked for '{deps}' and " +
                $"'{runtimeConfig}'). Run the app framework-dependent (dotnet run, dotnet test, dotnet app.dll or its apphost).");
        }

        var workerDll = new[] { AppContext.BaseDirectory, Path.GetDirectoryName(runtimeAssembly)!, Path.GetDirectoryName(deps)! }
            .Select(dir => Path.Combine(dir, WorkerDllName))
            .FirstOrDefault(File.Exists)
            ?? throw new PlatformNotSupportedException(
                $"ProcessPoolExecutor cannot find its worker host '{WorkerDllName}' beside the app ({AppContext.BaseDirectory}). " +
                "It comes with the ParallelGen package; make sure the package's lib assets are copied to the output.");
        return new WorkerLauncher(FindDotnetHost(), runtimeConfig, deps, workerDll);
    }

    /// <summary>
    /// Why an app cannot start worker hosts, or <see langword="null"/> when it can: a NativeAOT app (no dynamic code:
    /// it has no IL for a worker to load) or a single-file app (its assemblies have no file
    /// <paramref name="runtimeAssemblyLocation"/>). The message says what to do instead.
    /// </summary>
    public static string? RefusalOf(string runtimeAssemblyLocation, bool isDynamicCodeSupported)
    {
        const string Instead = "or use WorkerPool or ThreadPoolExecutor for in-process workers.";
        if (!isDynamicCodeSupported)
        {
            return "ProcessPoolExecutor cannot start worker processes from a NativeAOT app: a worker host loads the app's " +
                "assemblies as IL, and a NativeAOT executable has none. Publish without PublishAot (framework-dependent: " +
                "dotnet publish -c Release), " + Instead;
        }

        if (string.IsNullOrEmpty(runtimeAssemblyLocation))
        {
            return "ProcessPoolExecutor cannot start worker processes from a single-file app: the worker host needs the " +
                "app's assemblies as files. Publish framework-dependent without PublishSingleFile (dotnet publish -c Release), " + Instead;
        }

        return null;
    }

    /// <summary>The assemblies a worker loads: the entry assembly and every loaded assembly that references ParallelGen.</summary>
    public static List<string> AssembliesToLoad(IEnumerable<Assembly> extra)
    {
        var runtimeName = typeof(WorkerLauncher).Assembly.GetName().Name;
        var candidates = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetReferencedAssemblies().Any(r => r.Name == runtimeName))
            .Concat(extra);
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            candidates = candidates.Prepend(entry);
        }

        return candidates
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location))
            .Select(a => a.Location)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where <paramref name="assembly"/> was loaded from (empty in a single-file app).</summary>
    public static string LocationOf(Assembly assembly) => assembly.IsDynamic ? string.Empty : assembly.Location;

    public ProcessStartInfo StartInfo(WorkerArguments arguments, string secretHex, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Host)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            CreateNoWindow = true,
        };
        foreach (var argument in new[] { "exec", "--runtimeconfig", RuntimeConfig, "--depsfile", DepsFile, WorkerDll }.Concat(arguments.ToCommandLine()))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[Protocol.SecretVariable] = secretHex;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static string FindDotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), exe, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        foreach (var variable in new[] { "DOTNET_HOST_PATH" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path && File.Exists(path))
            {
                return path;
            }
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>/dotnet
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var candidate = Path.Combine(root, exe);
        if (File.Exists(candidate))
        {
            return candidate;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot && File.Exists(Path.Combine(dotnetRoot, exe)))
        {
            return Path.Combine(dotnetRoot, exe);
        }

        throw new PlatformNotSupportedException($"ProcessPoolExecutor cannot find the dotnet host (looked in {root}); set DOTNET_ROOT.");
    }
}
