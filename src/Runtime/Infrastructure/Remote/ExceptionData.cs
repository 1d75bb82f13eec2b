using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// An exception as data on the wire, the one format of every transport (process pool, cluster): type name, assembly
/// name, message, remote stack and the inner chain. Rebuilt on the caller as its own type only when that type is
/// already loaded there, derives from <see cref="Exception"/> and has a public <c>(string)</c> or
/// <c>(string, Exception)</c> constructor; otherwise as <see cref="RemoteException"/>. No assembly is loaded and
/// nothing else is instantiated from a name read off the wire. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Remote workers need a framework-dependent app with its assemblies as files; trimmed and NativeAOT apps fail at pool creation.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: a type not found falls back to RemoteException.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location (single-file) is detected and refused with a message saying what to do.")]
public sealed class ExceptionData
{
    private const int MaxDepth = 16;

    /// <summary>Creates the data of one exception.</summary>
    /// <param name="typeName">The full name of its type.</param>
    /// <param name="assemblyName">The simple name of its type's assembly.</param>
    /// <param name="message">Its message.</param>
    /// <param name="stackTrace">Its stack trace where it was thrown, when known.</param>
    /// <param name="inner">Its inner exception's data, or <see langword="null"/>.</param>
    public ExceptionData(string typeName, string assemblyName, string message, string? stackTrace, ExceptionData? inner)
    {
        TypeName = typeName;
        AssemblyName = assemblyName;
        Message = message;
        StackTrace = stackTrace;
        Inner = inner;
    }

    /// <summary>The full name of the exception's type.</summary>
    public string TypeName { get; }

    /// <summary>The simple name of the type's assembly.</summary>
    public string AssemblyName { get; }

    /// <summary>The exception's message.</summary>
    public string Message { get; }

    /// <summary>The stack trace where it was thrown, when known.</summary>
    public string? StackTrace { get; }

    /// <summary>The inner exception's data, or <see langword="null"/>.</summary>
    public ExceptionData? Inner { get; }

    /// <summary>The data of <paramref name="exception"/> and its inner chain (at most 16 deep).</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="depth">How deep in a chain <paramref name="exception"/> is (0 for the outermost).</param>
    public static ExceptionData From(Exception exception, int depth = 0)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.GetType();
        var inner = exception.InnerException is { } i && depth < MaxDepth ? From(i, depth + 1) : null;
        return new ExceptionData(type.FullName ?? type.Name, type.Assembly.GetName().Name ?? string.Empty, exception.Message, exception.StackTrace, inner);
    }

    /// <summary>Writes <paramref name="exception"/> as data.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="exception">The exception.</param>
    public static void Write(WireWriter writer, Exception exception) => From(exception).Write(writer);

    /// <summary>Writes this data.</summary>
    /// <param name="writer">Where to write.</param>
    public void Write(WireWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var depth = 0;
        for (var e = this; e is not null && depth <= MaxDepth; e = e.Inner, depth++)
        {
            writer.WriteBoolean(true);
            writer.WriteString(e.TypeName);
            writer.WriteString(e.AssemblyName);
            writer.WriteString(e.Message);
            writer.WriteString(e.StackTrace);
        }

        writer.WriteBoolean(false);
    }

    /// <summary>Reads data written by <see cref="Write(WireWriter)"/>.</summary>
    /// <param name="reader">Where to read.</param>
    /// <exception cref="InvalidDataException">The data is malformed or deeper than allowed.</exception>
    public static ExceptionData Read(WireReader reader)
    {
        var chain = new System.Collections.Generic.List<(string, string, string, string?)>();
        while (reader.ReadBoolean())
        {
            if (chain.Count > MaxDepth)
            {
                throw new InvalidDataException("An exception's inner chain is deeper than the protocol allows.");
            }

            chain.Add((reader.ReadString() ?? "?", reader.ReadString() ?? string.Empty, reader.ReadString() ?? string.Empty, reader.ReadString()));
        }

        if (chain.Count == 0)
        {
            throw new InvalidDataException("Exception data holds no exception.");
        }

        ExceptionData? data = null;
        for (var k = chain.Count - 1; k >= 0; k--)
        {
            var (t, a, m, s) = chain[k];
            data = new ExceptionData(t, a, m, s, data);
        }

        return data!;
    }

    /// <summary>The exception to throw on the caller for this data.</summary>
    /// <param name="origin">Where it was thrown (e.g. a cluster worker's <c>host/pid</c>), appended to the remote
    /// stack as <c>--- on worker ORIGIN ---</c>; <see langword="null"/> for none.</param>
    public Exception ToException(string? origin = null)
    {
        var inner = Inner?.ToException(origin);
        var stack = StackTrace is { Length: > 0 } s && origin is not null ? $"{s}{Environment.NewLine}--- on worker {origin} ---" : StackTrace;
        var rebuilt = TryCreateOwnType(inner) ?? new RemoteException(TypeName, Message, stack, inner);
        if (stack is { Length: > 0 } && rebuilt is not RemoteException)
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(rebuilt, stack + Environment.NewLine);
        }

        return rebuilt;
    }

    private Exception? TryCreateOwnType(Exception? inner)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && string.Equals(a.GetName().Name, AssemblyName, StringComparison.Ordinal));
        Type? type;
        try
        {
            type = assembly?.GetType(TypeName, throwOnError: false);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (type is null || !typeof(Exception).IsAssignableFrom(type) || type.IsAbstract || type.ContainsGenericParameters)
        {
            return null;
        }

        try
        {
            if (inner is not null && type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, new[] { typeof(string), typeof(Exception) }) is { } withInner)
            {
                return (Exception)withInner.Invoke(new object[] { Message, inner });
            }

            if (type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, new[] { typeof(string) }) is { } withMessage)
            {
                return inner is null ? (Exception)withMessage.Invoke(new object[] { Message }) : null;
            }
        }
        catch (TargetInvocationException)
        {
        }

        return null;
    }
}
