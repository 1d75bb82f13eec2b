using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Processes;

/// <summary>
/// The parent's handle on one worker process: the process, its one connected socket (accepted once from a per-worker
/// listening socket in the pool's private directory, then the socket file is deleted), the threads that forward its
/// stdout and stderr (prefixed with its pid; the last 64 KB of stderr kept), and its outstanding assignments.
/// </summary>
internal sealed class WorkerConnection : IDisposable
{
    private readonly ManualResetEventSlim _stderrDrained = new();
    private FrameChannel? _channel;

    private WorkerConnection(Process process)
    {
        Process = process;
        ProcessId = process.Id;
    }

    public Process Process { get; }

    public int ProcessId { get; }

    public StandardErrorTail StandardError { get; } = new();

    public FrameChannel Channel => _channel ?? throw new InvalidOperationException("The worker has not connected.");

    /// <summary>Assignments sent and not fully reported, oldest first (guarded by the pool's lock).</summary>
    public LinkedList<Assignment> Outstanding { get; } = new();

    /// <summary>Items sent to this worker so far (for <see cref="ProcessPoolOptions.MaxTasksPerWorker"/>).</summary>
    public int AssignedItems { get; set; }

    /// <summary>Takes no new work; shut down once its outstanding work is reported.</summary>
    public bool Retiring { get; set; }

    /// <summary>Lost (its connection ended); never used again.</summary>
    public bool Dead { get; set; }

    /// <summary>Set by the worker's Goodbye frame: it exited by itself with this code (not killed by a signal).</summary>
    public int? GoodbyeExitCode { get; set; }

    public Timer? TimeoutTimer { get; set; }

    /// <summary>What the timeout timer watches: the assignment, the position of its running item, and whether the grace has begun.</summary>
    public (Assignment? Assignment, int Position, bool Killing) Watch { get; set; }

    /// <summary>The assemblies this worker was started with.</summary>
    public IReadOnlyCollection<string> Assemblies { get; private set; } = Array.Empty<string>();

    public Timer? IdleTimer { get; set; }

    /// <summary>Starts a worker and completes its handshake; throws <see cref="WorkerCrashedException"/> when it dies first.</summary>
    public static async Task<WorkerConnection> StartAsync(WorkerLauncher launcher, WorkerArguments arguments, byte[] secret, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(arguments.SocketPath));
        listener.Listen(1);
        var process = Process.Start(launcher.StartInfo(arguments, Convert.ToHexString(secret), environment))
            ?? throw new InvalidOperationException("The worker process did not start.");
        var worker = new WorkerConnection(process) { Assemblies = arguments.Assemblies };
        worker.StartOutputPumps();
        try
        {
            using var cts = new CancellationTokenSource(timeout);
            var exited = process.WaitForExitAsync(cts.Token);
            var accept = listener.AcceptAsync(cts.Token).AsTask();
            var first = await Task.WhenAny(accept, exited).ConfigureAwait(false);
            if (first != accept || !accept.IsCompletedSuccessfully)
            {
                cts.Cancel();
                throw worker.Died(process.HasExited ? "exited before it connected" : $"did not connect within {timeout.TotalSeconds:0} s");
            }

            var socket = await accept.ConfigureAwait(false);
            socket.ReceiveTimeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
            worker._channel = new FrameChannel(socket, Protocol.MaxHelloBytes);
            worker.Handshake(secret);
            worker.Channel.MaxFrameBytes = arguments.MaxFrameBytes;
            socket.ReceiveTimeout = 0;
            return worker;
        }
        catch (Exception ex) when (ex is not WorkerCrashedException)
        {
            throw worker.Died($"failed its handshake ({ex.Message}); its connection was dropped", ex);
        }
        finally
        {
            File.Delete(arguments.SocketPath);
        }
    }

    /// <summary>Kills the worker (if alive) and builds the exception for its death, with exit code, signal and stderr tail.</summary>
    public WorkerCrashedException Died(string what, Exception? inner = null)
    {
        Kill();
        WaitForExit(TimeSpan.FromSeconds(5));
        var (exitCode, signal) = ExitStatus();
        var tail = StandardError.ToString();
        var status = signal is not null ? $"signal {signal}" : exitCode is { } code ? $"exit code {code}" : "no exit status";
        var message = $"Worker process {ProcessId} {what} ({status}).";
        if (tail.Length > 0)
        {
            var firstLine = tail.Split('\n', 2)[0].Trim();
            message += $" Its standard error began: {firstLine}";
        }

        _ = inner;
        return new WorkerCrashedException(message, ProcessId, exitCode, signal, tail);
    }

    /// <summary>Waits (bounded) for the process to exit and its stderr to be read to the end.</summary>
    public void WaitForExit(TimeSpan timeout)
    {
        try
        {
            Process.WaitForExit((int)timeout.TotalMilliseconds);
        }
        catch (InvalidOperationException)
        {
        }

        _stderrDrained.Wait(TimeSpan.FromSeconds(1));
    }

    /// <summary>The exit code, and the signal when the process was killed by one (no Goodbye frame and code above 128).</summary>
    public (int? ExitCode, string? Signal) ExitStatus()
    {
        int? code = null;
        try
        {
            if (Process.HasExited)
            {
                code = Process.ExitCode;
            }
        }
        catch (InvalidOperationException)
        {
        }

        if (GoodbyeExitCode is not null || code is not > 128 || OperatingSystem.IsWindows())
        {
            return (code, null);
        }

        return (code, SignalName(code.Value - 128));
    }

    public void Kill()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
        }
    }

    public void Dispose()
    {
        TimeoutTimer?.Dispose();
        IdleTimer?.Dispose();
        _channel?.Dispose();

        // The Process object stays usable (exit code, waits from a shutting-down pool); its handle goes with it.
    }

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => $"signal {signal}",
    };

    private void Handshake(byte[] secret)
    {
        if (!Channel.TryReceive(out var type, out var payload) || type != FrameType.Hello)
        {
            throw new InvalidDataException("the first frame was not a Hello");
        }

        var hello = new WireReader(payload);
        if (hello.ReadInt32() != Protocol.Magic)
        {
            throw new InvalidDataException("not a ParallelGen worker");
        }

        var version = hello.ReadInt32();
        if (version != Protocol.Version)
        {
            throw new InvalidDataException($"protocol version {version}, expected {Protocol.Version}");
        }

        if (!CryptographicOperations.FixedTimeEquals(hello.ReadBytes(), secret))
        {
            throw new InvalidDataException("wrong secret");
        }

        Channel.MaxFrameBytes = 64 << 20;
        if (!Channel.TryReceive(out type, out _) || type != FrameType.Ready)
        {
            throw new InvalidDataException("no Ready frame after the Hello");
        }
    }

    private void StartOutputPumps()
    {
        var prefix = $"[worker {ProcessId}] ";
        var stdout = new Thread(() => Pump(Process.StandardOutput.BaseStream, Console.Out, prefix, null)) { IsBackground = true, Name = "ParallelGen worker stdout" };
        var stderr = new Thread(() =>
        {
            try
            {
                Pump(Process.StandardError.BaseStream, Console.Error, prefix, StandardError);
            }
            finally
            {
                _stderrDrained.Set();
            }
        })
        { IsBackground = true, Name = "ParallelGen worker stderr" };
        stdout.Start();
        stderr.Start();
    }

    private static void Pump(Stream source, TextWriter target, string prefix, StandardErrorTail? tail)
    {
        var buffer = new byte[8192];
        var line = new StringBuilder();
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        try
        {
            int n;
            while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                tail?.Append(buffer.AsSpan(0, n));
                var count = decoder.GetChars(buffer, 0, n, chars, 0);
                for (var k = 0; k < count; k++)
                {
                    if (chars[k] == '\n')
                    {
                        target.WriteLine(prefix + line.ToString().TrimEnd('\r'));
                        line.Clear();
                    }
                    else
                    {
                        line.Append(chars[k]);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }

        if (line.Length > 0)
        {
            target.WriteLine(prefix + line.ToString());
        }
    }
}
