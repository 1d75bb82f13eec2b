using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// What the generated registry records for a <c>[Parallelizable]</c> method that cannot run in another process (a
/// generic method, a private type, a parameter that cannot be serialized): only its id and the reason, so an executor
/// can refuse it by name before any process starts. It is not a <see cref="RemoteMethod{TIn, TOut}"/>: check
/// <see cref="RemoteMethod.CannotCrossReason"/> before casting. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public sealed class UnavailableRemoteMethod : RemoteMethod
{
    /// <summary>Records that method <paramref name="id"/> cannot cross, and why.</summary>
    /// <param name="id">The method's stable id.</param>
    /// <param name="reason">Why it cannot run in another process, naming the method and the type at fault.</param>
    public UnavailableRemoteMethod(string id, string reason)
        : base(id, reason ?? throw new ArgumentNullException(nameof(reason)))
    {
    }

    /// <inheritdoc/>
    public override bool HasTarget => false;

    /// <inheritdoc/>
    public override object? ReadTarget(WireReader reader) => throw Refused();

    /// <inheritdoc/>
    public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken) =>
        ValueTask.FromException(Refused());

    private InvalidOperationException Refused() => new(CannotCrossReason);
}
