using System;
using System.IO;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Threading;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Processes;

/// <summary>
/// The worker process's side: connects to the socket it was given, says hello with the pool's secret, loads the
/// assemblies named on its command line (running their module initializers, which fill <see cref="RemoteRegistry"/>),
/// runs the initializer, then serves batches until the parent says stop or its socket ends. It never runs the
/// user's <c>Main</c>. End of stream on the socket (the parent died) ends the process at once: no orphans.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The process pool needs a framework-dependent app with its assemblies as files; trimmed and NativeAOT apps fail at pool creation.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: the worker host runs untrimmed; a type not found falls back to RemoteException.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location (single-file) is detected and refused with a message saying what to do.")]
internal static class WorkerHost
{
    /// <summary>The worker host's entry point; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        // Ctrl-C reaches the whole process group: the parent decides what happens to its workers.
        using var sigint = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGINT, static context => context.Cancel = true);
        WorkerArguments arguments;
        byte[] secret;
        try
        {
            arguments = WorkerArguments.Parse(args);
            secret = Convert.FromHexString(Environment.GetEnvironmentVariable(Protocol.SecretVariable) ?? string.Empty);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"ParallelGen worker host: {ex.Message} It is started by ProcessPoolExecutor, not by hand.");
            return 2;
        }

        Environment.SetEnvironmentVariable(Protocol.SecretVariable, null);
        var fault = Environment.GetEnvironmentVariable(Protocol.FaultVariable);
        if (fault == "exit")
        {
            Console.Error.WriteLine("ParallelGen worker host: exiting before the handshake (test fault).");
            return 7;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(arguments.SocketPath));
        var channel = new FrameChannel(socket, arguments.MaxFrameBytes);
        SendHello(channel, fault == "wrongsecret" ? RandomNumberGenerator.GetBytes(Protocol.SecretLength) : secret);

        var initFailure = LoadAndInitialize(arguments);
        var ready = new WireWriter();
        ready.WriteBoolean(initFailure is not null);
        initFailure?.Write(ready);
        channel.Send(FrameType.Ready, ready);
        return new WorkerSession(channel, initFailure, fault is "garbage" or "oversized" or "truncated" ? fault : null).Serve();
    }

    private static void SendHello(FrameChannel channel, byte[] secret)
    {
        var hello = new WireWriter();
        hello.WriteInt32(Protocol.Magic);
        hello.WriteInt32(Protocol.Version);
        hello.WriteBytes(secret);
        hello.WriteInt32(Environment.ProcessId);
        channel.Send(FrameType.Hello, hello);
    }

    private static ExceptionData? LoadAndInitialize(WorkerArguments arguments)
    {
        foreach (var path in arguments.Assemblies)
        {
            var assembly = Load(path);
            RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        }

        if (arguments.InitializerAssembly is null)
        {
            return null;
        }

        try
        {
            var type = Load(arguments.InitializerAssembly).GetType(arguments.InitializerType!, throwOnError: true)!;
            var method = type.GetMethod(arguments.InitializerMethod!, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, Type.EmptyTypes)
                ?? throw new MissingMethodException(arguments.InitializerType, arguments.InitializerMethod);
            var result = method.Invoke(null, null);
            if (result is System.Threading.Tasks.Task task)
            {
                task.GetAwaiter().GetResult();
            }

            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ExceptionData.From(ex.InnerException);
        }
        catch (Exception ex)
        {
            return ExceptionData.From(ex);
        }
    }

    private static Assembly Load(string path)
    {
        // Through the app's deps.json first (the same identity the app itself binds to), else from the path.
        try
        {
            return Assembly.Load(AssemblyName.GetAssemblyName(path));
        }
        catch (FileNotFoundException)
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
        }
    }

    /// <summary>Test hook: answers a batch with a malformed frame, then drops the connection.</summary>
    internal static void Misbehave(FrameChannel channel, string fault)
    {
        var bytes = fault switch
        {
            "garbage" => RandomNumberGenerator.GetBytes(64),
            "oversized" => new byte[] { 0xff, 0xff, 0xff, 0x7f, (byte)FrameType.ItemsDone, 1, 2, 3 },
            _ => new byte[] { 100, 0, 0, 0, (byte)FrameType.Ready, 1 },
        };
        channel.SendRaw(bytes);
        Thread.Sleep(200);
        channel.Dispose();
    }
}
