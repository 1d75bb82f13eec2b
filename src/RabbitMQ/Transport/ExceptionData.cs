using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using ParallelGen.Infrastructure.Remote;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>
/// An exception as data: type name, message, the worker's stack trace and the inner chain (at most 8 deep). The
/// caller rebuilds it as its own type when that type is an <see cref="Exception"/> already loaded on the caller's
/// side with a public <c>(string)</c> or <c>(string, Exception)</c> constructor, else as the runtime's <see cref="RemoteException"/> (the process pool's, too);
/// no other type named by the wire is looked up or created. The worker's stack becomes the rebuilt exception's
/// stack trace (<see cref="ExceptionDispatchInfo.SetRemoteStackTrace"/>).
/// To be unified with the process pool's exception transport (<c>ParallelGen.Processes.ExceptionData</c>, internal to
/// the runtime): the same rules, a second copy until the runtime exposes it as fenced infrastructure.
/// </summary>
internal static class ExceptionData
{
    private const int MaxDepth = 8;

    public static void Write(WireWriter writer, Exception exception)
    {
        var depth = 0;
        for (Exception? current = exception; current is not null && depth < MaxDepth; current = current.InnerException, depth++)
        {
            writer.WriteBoolean(true);
            writer.WriteString(current.GetType().FullName ?? current.GetType().Name);
            writer.WriteString(current.Message);
            writer.WriteString(current.StackTrace ?? string.Empty);
        }

        writer.WriteBoolean(false);
    }

    public static Exception Read(WireReader reader, string worker)
    {
        var chain = new System.Collections.Generic.List<(string Type, string Message, string Stack)>();
        while (reader.ReadBoolean())
        {
            if (chain.Count == MaxDepth)
            {
                throw new System.IO.InvalidDataException("The exception chain is deeper than allowed.");
            }

            chain.Add((reader.ReadString() ?? "System.Exception", reader.ReadString() ?? string.Empty, reader.ReadString() ?? string.Empty));
        }

        Exception? inner = null;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            inner = Rebuild(chain[i].Type, chain[i].Message, chain[i].Stack, inner, worker);
        }

        return inner ?? new RemoteException("System.Exception", "The worker reported an exception without details.", null);
    }

    private static Exception Rebuild(string typeName, string message, string stack, Exception? inner, string worker)
    {
        Exception? rebuilt = null;
        if (FindExceptionType(typeName) is { } type)
        {
            try
            {
                if (inner is not null && type.GetConstructor([typeof(string), typeof(Exception)]) is { } withInner)
                {
                    rebuilt = (Exception)withInner.Invoke([message, inner]);
                }
                else if (type.GetConstructor([typeof(string)]) is { } plain)
                {
                    rebuilt = (Exception)plain.Invoke([message]);
                }
            }
            catch (TargetInvocationException)
            {
                rebuilt = null;
            }
        }

        if (rebuilt is null)
        {
            return new RemoteException(typeName, message, $"{stack}{Environment.NewLine}--- on worker {worker} ---", inner);
        }

        if (stack.Length > 0)
        {
            ExceptionDispatchInfo.SetRemoteStackTrace(rebuilt, $"{stack}{Environment.NewLine}--- on worker {worker} ---{Environment.NewLine}");
        }

        return rebuilt;
    }

    private static Type? FindExceptionType(string fullName)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var type = assembly.GetType(fullName, throwOnError: false, ignoreCase: false);
            if (type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract && type.IsPublic)
            {
                return type;
            }
        }

        return null;
    }
}
