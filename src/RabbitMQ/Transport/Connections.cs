using System;
using System.Security.Authentication;
using RabbitMQ.Client;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>Builds the client's connection factory from <see cref="RabbitMqOptions"/>: URI, credentials (options,
/// then environment, then URI), TLS, heartbeat. Automatic recovery is off (<see cref="ConnectionKeeper"/> does it).</summary>
internal static class Connections
{
    public static ConnectionFactory Factory(RabbitMqOptions options, string clientName)
    {
        var uri = options.ResolvedUri();
        var factory = new ConnectionFactory
        {
            Uri = uri,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = options.Heartbeat,
            ClientProvidedName = clientName,
            ContinuationTimeout = options.WatchdogTimeout,
        };

        var user = options.UserName ?? Environment.GetEnvironmentVariable(RabbitMqOptions.UserVariable);
        var password = options.Password ?? Environment.GetEnvironmentVariable(RabbitMqOptions.PasswordVariable);
        if (!string.IsNullOrEmpty(user))
        {
            factory.UserName = user;
        }

        if (!string.IsNullOrEmpty(password))
        {
            factory.Password = password;
        }

        if (options.IsTls(uri))
        {
            factory.Ssl = new SslOption
            {
                Enabled = true,
                ServerName = options.TlsServerName ?? uri.Host,
                CertPath = options.TlsClientCertificatePath ?? string.Empty,
                CertPassphrase = options.TlsClientCertificatePassword ?? string.Empty,
                AcceptablePolicyErrors = options.TlsAcceptablePolicyErrors,
                Version = options.TlsProtocols == SslProtocols.None ? SslProtocols.None : options.TlsProtocols,
            };
            if (uri.IsDefaultPort)
            {
                factory.Port = 5671;
            }
        }

        return factory;
    }
}
