using System;
using System.Collections.Generic;

namespace ParallelGen.Processes;

/// <summary>
/// What a worker host is told at launch, on its command line (never from the wire): the socket to connect to, the
/// largest frame, the assemblies to load and the initializer to run. The secret travels in the environment.
/// </summary>
internal sealed record WorkerArguments(string SocketPath, int MaxFrameBytes, IReadOnlyList<string> Assemblies, string? InitializerAssembly, string? InitializerType, string? InitializerMethod)
{
    public IEnumerable<string> ToCommandLine()
    {
        yield return "--socket";
        yield return SocketPath;
        yield return "--max-frame";
        yield return MaxFrameBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (InitializerAssembly is not null)
        {
            yield return "--init";
            yield return InitializerAssembly;
            yield return InitializerType!;
            yield return InitializerMethod!;
        }

        foreach (var assembly in Assemblies)
        {
            yield return "--load";
            yield return assembly;
        }
    }

    public static WorkerArguments Parse(string[] args)
    {
        string? socket = null;
        var maxFrame = 0;
        var assemblies = new List<string>();
        string? initAssembly = null, initType = null, initMethod = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"'{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--socket":
                    socket = Next();
                    break;
                case "--max-frame":
                    maxFrame = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--load":
                    assemblies.Add(Next());
                    break;
                case "--init":
                    initAssembly = Next();
                    initType = Next();
                    initMethod = Next();
                    break;
                default:
                    throw new ArgumentException($"Unknown worker argument '{args[i]}'.");
            }
        }

        return new WorkerArguments(socket ?? throw new ArgumentException("--socket is required."), maxFrame > 0 ? maxFrame : 64 << 20, assemblies, initAssembly, initType, initMethod);
    }
}
