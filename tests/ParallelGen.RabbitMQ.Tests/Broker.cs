using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>
/// The broker the tests use: 127.0.0.1:5672 (started by .ci/rabbitmq.sh). Each test class gets its own vhost,
/// created and deleted with rabbitmqctl; when rabbitmqctl cannot (a broker run by someone else), the default vhost
/// with a queue prefix of its own.
/// </summary>
internal static class Broker
{
    public const string Host = "127.0.0.1";
    public const int Port = 5672;

    private static readonly Lazy<string?> s_unreachable = new(Probe);

    /// <summary>Why the cluster tests cannot run here, or null when a broker answers.</summary>
    public static string? UnreachableReason => s_unreachable.Value;

    private static string? Probe()
    {
        try
        {
            using var client = new TcpClient();
            if (!client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(3)))
            {
                return Reason("the connection timed out");
            }

            return null;
        }
        catch (Exception e) when (e is SocketException or AggregateException)
        {
            return Reason(e.GetBaseException().Message);
        }
    }

    private static string Reason(string detail) =>
        $"No RabbitMQ broker at {Host}:{Port} ({detail}). Start one with `sudo .ci/rabbitmq.sh start` (CI's .ci/run does).";

    /// <summary>Set to 1 by .ci/run when it started the broker itself: a test may then stop and start the whole node.</summary>
    public const string OwnsBrokerVariable = "PARALLELGEN_TEST_OWNS_BROKER";

    /// <summary>.ci/rabbitmq.sh when this test run owns the broker (<see cref="OwnsBrokerVariable"/> is 1), else null.</summary>
    public static string? OwnedScript()
    {
        if (Environment.GetEnvironmentVariable(OwnsBrokerVariable) != "1")
        {
            return null;
        }

        for (var dir = new System.IO.DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = System.IO.Path.Combine(dir.FullName, ".ci", "rabbitmq.sh");
            if (System.IO.File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    /// <summary>Runs .ci/rabbitmq.sh with <paramref name="verb"/> (bounded: 180 s); true when it succeeded.</summary>
    public static bool RunScript(string script, string verb)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        Task.WaitAll(output, error);
        return process.ExitCode == 0;
    }

    /// <summary>Runs rabbitmqctl; returns its output, or null when it failed.</summary>
    public static string? Ctl(params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                return null;
            }

            Task.WaitAll(output, error);
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}

/// <summary>A vhost of its own for one test class (or, when rabbitmqctl cannot make one, the default vhost); every
/// test also has a queue prefix of its own.</summary>
public sealed class BrokerVhost : IDisposable
{
    public BrokerVhost()
    {
        var name = "pg-test-" + Guid.NewGuid().ToString("N")[..12];
        if (Broker.UnreachableReason is null
            && Broker.Ctl("add_vhost", name) is not null
            && Broker.Ctl("set_permissions", "-p", name, "guest", ".*", ".*", ".*") is not null)
        {
            Name = name;
        }
    }

    /// <summary>The vhost, or null when the default one is used.</summary>
    public string? Name { get; }

    public Uri Uri => new($"amqp://guest:guest@{Broker.Host}:{Broker.Port}/{Uri.EscapeDataString(Name ?? "/")}");

    /// <summary>Options with a queue prefix of their own (tests of one class share the vhost, not the queues).</summary>
    public RabbitMqOptions Options() => new()
    {
        Uri = Uri,
        QueuePrefix = "pg" + Guid.NewGuid().ToString("N")[..8],
        Heartbeat = TimeSpan.FromSeconds(2),
        WatchdogTimeout = TimeSpan.FromSeconds(10),
        ReplyQueueExpiry = TimeSpan.FromSeconds(5),
    };

    public void Dispose()
    {
        if (Name is not null)
        {
            Broker.Ctl("delete_vhost", Name);
        }
    }
}

/// <summary>A test that needs the broker: skipped, with the reason, when none is reachable.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrokerFactAttribute : FactAttribute
{
    public BrokerFactAttribute()
    {
        if (Broker.UnreachableReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Every cluster test in one collection: they share one broker, and one of them restarts it.</summary>
[CollectionDefinition("broker", DisableParallelization = true)]
public sealed class BrokerCollection
{
}
