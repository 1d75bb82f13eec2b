using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// The methods that can be called from the wire, by id. Generated code registers every <c>[Parallelizable]</c>
/// method of an assembly from a module initializer, so loading the assembly (in the parent, or in a worker host)
/// fills it. Nothing else can be called: an id that is not here is refused. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public static class RemoteRegistry
{
    private static readonly ConcurrentDictionary<string, RemoteMethod> s_methods = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="method"/>; a second registration of the same id keeps the first.</summary>
    public static void Register(RemoteMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        s_methods.TryAdd(method.Id, method);
    }

    /// <summary>Finds the method registered as <paramref name="id"/>.</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out RemoteMethod? method) => s_methods.TryGetValue(id, out method);
}
