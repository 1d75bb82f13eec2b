using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.Processes;

/// <summary>
/// An exception as data on the wire: type name, assembly name, message, remote stack and the inner chain. Rebuilt on
/// the parent as its own type only when that type is already loaded there, derives from <see cref="Exception"/> and has
/// a public <c>(string)</c> or <c>(string, Exception)</c> constructor; otherwise as <see cref="RemoteException"/>.
/// No assembly is loaded and nothing else is instantiated from a name read off the wire.
/// </summary>
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The process pool needs a framework-dependent app with its assemblies as files; trimmed and NativeAOT apps fail at pool creation.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: the worker host runs untrimmed; a type not found falls back to RemoteException.")]
[System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location (single-file) is detected and refused with a message saying what to do.")]
internal sealed record ExceptionData(string TypeName, string AssemblyName, string Message, string? StackTrace, ExceptionData? Inner)
{
    private const int MaxDepth = 16;

    public static ExceptionData From(Exception exception, int depth = 0)
    {
        var type = exception.GetType();
        var inner = exception.InnerException is { } i && depth < MaxDepth ? From(i, depth + 1) : null;
        return new ExceptionData(type.FullName ?? type.Name, type.Assembly.GetName().Name ?? string.Empty, exception.Message, exception.StackTrace, inner);
    }

    public static void Write(WireWriter writer, Exception exception) => From(exception).Write(writer);

    public void Write(WireWriter writer)
    {
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

    /// <summary>The exception to throw on the parent for this data.</summary>
    public Exception ToException()
    {
        var inner = Inner?.ToException();
        var rebuilt = TryCreateOwnType(inner) ?? new RemoteException(TypeName, Message, StackTrace, inner);
        if (StackTrace is { Length: > 0 } stack && rebuilt is not RemoteException)
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
