using System;

namespace ParallelGen.RabbitMQ;

/// <summary>
/// An exception thrown on a cluster worker whose type does not exist on the caller's side (or cannot be built from
/// a message): it keeps the remote type's name, message and stack trace.
/// </summary>
public sealed class RemoteException : Exception
{
    /// <summary>Creates the stand-in for a remote exception.</summary>
    /// <param name="remoteType">The full name of the exception's type on the worker.</param>
    /// <param name="message">Its message.</param>
    /// <param name="remoteStackTrace">Its stack trace on the worker.</param>
    /// <param name="worker">The worker that ran the item (host/pid).</param>
    /// <param name="innerException">The rebuilt inner exception, if any.</param>
    public RemoteException(string remoteType, string message, string remoteStackTrace, string worker, Exception? innerException)
        : base($"{remoteType}: {message}", innerException)
    {
        RemoteType = remoteType;
        RemoteStackTrace = remoteStackTrace;
        Worker = worker;
    }

    /// <summary>The full name of the exception's type on the worker.</summary>
    public string RemoteType { get; }

    /// <summary>The stack trace on the worker.</summary>
    public string RemoteStackTrace { get; }

    /// <summary>The worker that ran the item (host/pid).</summary>
    public string Worker { get; }
}
