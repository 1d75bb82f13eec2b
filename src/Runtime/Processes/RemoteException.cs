using System;

namespace ParallelGen;

/// <summary>
/// An exception thrown in a worker process whose type cannot be rebuilt here (not loaded in this process, or without a
/// public <c>(string)</c> / <c>(string, Exception)</c> constructor). It keeps the worker's data: the type's name,
/// the message and the worker's stack trace.
/// </summary>
public sealed class RemoteException : Exception
{
    /// <summary>Creates the exception from a worker's data.</summary>
    /// <param name="remoteTypeName">The full name of the exception's type in the worker.</param>
    /// <param name="message">Its message.</param>
    /// <param name="remoteStackTrace">Its stack trace in the worker, when known.</param>
    /// <param name="innerException">Its inner exception, rebuilt, or <see langword="null"/>.</param>
    public RemoteException(string remoteTypeName, string message, string? remoteStackTrace, Exception? innerException = null)
        : base($"{remoteTypeName}: {message}", innerException)
    {
        RemoteTypeName = remoteTypeName;
        RemoteMessage = message;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>The full name of the exception's type in the worker, e.g. <c>MyApp.QuotaExceededException</c>.</summary>
    public string RemoteTypeName { get; }

    /// <summary>The exception's own message in the worker.</summary>
    public string RemoteMessage { get; }

    /// <summary>The stack trace in the worker, when known.</summary>
    public string? RemoteStackTrace { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        RemoteStackTrace is null ? base.ToString() : base.ToString() + Environment.NewLine + "--- in the worker process ---" + Environment.NewLine + RemoteStackTrace;
}
