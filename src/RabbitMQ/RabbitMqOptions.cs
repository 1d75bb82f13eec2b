using System;
using System.Net.Security;
using System.Security.Authentication;

namespace ParallelGen.RabbitMQ;

/// <summary>
/// Where the broker is and how the cluster behaves. The same options (at least <see cref="Uri"/> and
/// <see cref="QueuePrefix"/>) must be given to the executor of a caller and to its workers.
/// </summary>
/// <remarks>
/// Credentials come from <see cref="UserName"/> and <see cref="Password"/>, else from the environment variables
/// <c>PARALLELGEN_RABBITMQ_USER</c> and <c>PARALLELGEN_RABBITMQ_PASSWORD</c>, else from the URI. They are never
/// written to a log or an exception message: <see cref="ToString"/> leaves them out.
/// </remarks>
public sealed class RabbitMqOptions
{
    /// <summary>The environment variable read when <see cref="Uri"/> is not set.</summary>
    public const string UriVariable = "PARALLELGEN_RABBITMQ_URI";

    /// <summary>The environment variable read when <see cref="UserName"/> is not set.</summary>
    public const string UserVariable = "PARALLELGEN_RABBITMQ_USER";

    /// <summary>The environment variable read when <see cref="Password"/> is not set.</summary>
    public const string PasswordVariable = "PARALLELGEN_RABBITMQ_PASSWORD";

    /// <summary>The broker, e.g. <c>amqp://broker.example:5672/vhost</c> (<c>amqps://</c> turns TLS on); when
    /// <see langword="null"/>, <c>PARALLELGEN_RABBITMQ_URI</c>, then <c>amqp://localhost</c>.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The user name; when <see langword="null"/>, <c>PARALLELGEN_RABBITMQ_USER</c>, then the URI's.</summary>
    public string? UserName { get; set; }

    /// <summary>The password; when <see langword="null"/>, <c>PARALLELGEN_RABBITMQ_PASSWORD</c>, then the URI's.</summary>
    public string? Password { get; set; }

    /// <summary>Turns TLS on (also turned on by an <c>amqps://</c> URI).</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the broker's certificate must carry; the URI's host when <see langword="null"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>A client certificate (PKCS#12 file) for brokers that ask for one.</summary>
    public string? TlsClientCertificatePath { get; set; }

    /// <summary>The password of <see cref="TlsClientCertificatePath"/>.</summary>
    public string? TlsClientCertificatePassword { get; set; }

    /// <summary>Certificate errors to accept (none by default; e.g. a test broker's self-signed certificate).</summary>
    public SslPolicyErrors TlsAcceptablePolicyErrors { get; set; }

    /// <summary>The TLS versions allowed; the system's defaults when <see cref="SslProtocols.None"/>.</summary>
    public SslProtocols TlsProtocols { get; set; }

    /// <summary>Prefix of every exchange and queue name, so several applications share a broker without mixing their
    /// work; <c>parallelgen</c> by default. Callers and workers of one application use the same prefix.</summary>
    public string QueuePrefix { get; set; } = "parallelgen";

    /// <summary>How many deliveries of one item are attempted before it is dead-lettered and fails with
    /// <see cref="WorkerCrashedException"/>; 5 by default. Only lost workers (crashed, killed, cut off) use up
    /// attempts: an exception thrown by the method is a result and is never redelivered.</summary>
    public int DeliveryLimit { get; set; } = 5;

    /// <summary>Items a worker runs at once, and its prefetch; <see cref="Environment.ProcessorCount"/> when 0.</summary>
    public int WorkerConcurrency { get; set; }

    /// <summary>The width a map uses when it asks for none (<see cref="IExecutor.MaxWorkers"/>). 0 (the default)
    /// follows the workers: the slots of the workers serving the queue when the map starts
    /// (<see cref="RabbitMqExecutor.WorkerSlots"/>, each worker's <see cref="WorkerConcurrency"/>), so the engine keeps
    /// one batch running and one waiting per slot.</summary>
    public int MaxWorkers { get; set; }

    /// <summary>The most items of one caller published and not yet finished; further batches wait. Bounds the work
    /// queue's depth and the caller's memory over an endless source. 4,096 by default.</summary>
    public int MaxItemsInFlight { get; set; } = 4096;

    /// <summary>The most items of a batch sent in one message (they share its confirm, ack and disk write, and run one
    /// after the other on one worker slot); 256 by default. A message of several items that comes back from a lost
    /// worker is split into single items, so a poison item fails alone.</summary>
    public int MaxItemsPerMessage { get; set; } = 256;

    /// <summary>How long a batch of a map that sets no <c>ChunkSize</c> should last, its broker round trip included
    /// (a publish with a confirm, a delivery, a result with a confirm, an ack: tens of milliseconds): the map engine
    /// grows batches of tiny items until the round trip is a small share of each, and sends expensive items one at a
    /// time. 250 ms by default; a fixed <c>ChunkSize</c> overrides it.</summary>
    public TimeSpan TargetBatchDuration { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a caller's reply queue outlives the caller (the broker deletes it then, and workers drop
    /// the caller's remaining items unrun); 30 s by default.</summary>
    public TimeSpan ReplyQueueExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The AMQP heartbeat; a frozen or cut-off peer is detected within about two of these. 5 s by default.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The bound of the watchdog: a publish not confirmed, or a consumer not resumed, within this time
    /// makes the connection be dropped and re-established (the client has open bugs where neither recovers by
    /// itself). 20 s by default.</summary>
    public TimeSpan WatchdogTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a worker's graceful shutdown waits for its running items before it returns them to the
    /// queue; 30 s by default.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The broker, the user and the TLS choice; never the password.</summary>
    public override string ToString()
    {
        var uri = ResolvedUri();
        return $"{uri.Scheme}://{uri.Host}:{(uri.IsDefaultPort ? (IsTls(uri) ? 5671 : 5672) : uri.Port)}{uri.AbsolutePath} (queues '{QueuePrefix}.*')";
    }

    internal Uri ResolvedUri() =>
        Uri ?? (Environment.GetEnvironmentVariable(UriVariable) is { Length: > 0 } text ? new Uri(text) : new Uri("amqp://localhost"));

    internal bool IsTls(Uri uri) => UseTls || string.Equals(uri.Scheme, "amqps", StringComparison.OrdinalIgnoreCase);

    internal int ResolvedConcurrency() => WorkerConcurrency > 0 ? WorkerConcurrency : Environment.ProcessorCount;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(QueuePrefix) || QueuePrefix.Length > 100)
        {
            throw new ArgumentException("QueuePrefix must be 1 to 100 characters.", nameof(QueuePrefix));
        }

        if (DeliveryLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DeliveryLimit), DeliveryLimit, "At least one delivery is needed.");
        }

        if (MaxItemsInFlight < 1 || MaxItemsPerMessage < 1 || MaxWorkers < 0 || WorkerConcurrency < 0 || WorkerConcurrency > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxItemsInFlight), "MaxItemsInFlight and MaxItemsPerMessage must be positive, MaxWorkers 0 (follow the workers) or more, WorkerConcurrency 0 to 65535.");
        }
    }
}
