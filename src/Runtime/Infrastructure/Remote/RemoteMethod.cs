using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure.Remote;

/// <summary>
/// A <c>[Parallelizable]</c> method as it crosses to another process or machine: its stable id (the same id as
/// <see cref="ParallelMethod.Id"/>), whether it can cross at all, and the worker-side call that reads one item's
/// arguments, runs the method and writes its result. The generator emits one per method and registers it in
/// <see cref="RemoteRegistry"/>; only registered methods can be called from the wire. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public abstract class RemoteMethod
{
    /// <summary>Creates the description of method <paramref name="id"/>.</summary>
    /// <param name="id">The method's stable id (its documentation-comment id).</param>
    /// <param name="cannotCrossReason">Why the method cannot run in another process (naming the method and the type
    /// at fault), or <see langword="null"/> when it can.</param>
    protected RemoteMethod(string id, string? cannotCrossReason)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        CannotCrossReason = cannotCrossReason;
    }

    /// <summary>The method's stable id.</summary>
    public string Id { get; }

    /// <summary>Why the method cannot run in another process, or <see langword="null"/> when it can.</summary>
    public string? CannotCrossReason { get; }

    /// <summary>True for an instance method: a serialized copy of the instance travels with each batch.</summary>
    public abstract bool HasTarget { get; }

    /// <summary>Worker side: reads the instance written by <see cref="RemoteMethod{TIn, TOut}.WriteTarget"/>.</summary>
    public abstract object? ReadTarget(WireReader reader);

    /// <summary>
    /// Worker side: reads one item's arguments from <paramref name="arguments"/>, runs the method (on
    /// <paramref name="target"/> for an instance method) and writes its result to <paramref name="result"/>.
    /// An exception of the method propagates to the caller of this method (the worker host sends it as data).
    /// </summary>
    public abstract ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, CancellationToken cancellationToken);
}

/// <summary>The parent-side, typed half of a <see cref="RemoteMethod"/>. Not for direct use.</summary>
/// <typeparam name="TIn">The item: the method's parameter, or a value tuple of its parameters (as in <see cref="WorkBody{TIn, TOut}"/>).</typeparam>
/// <typeparam name="TOut">The method's result (<see cref="NoResult"/> for none).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public abstract class RemoteMethod<TIn, TOut> : RemoteMethod
{
    /// <inheritdoc cref="RemoteMethod(string, string?)"/>
    protected RemoteMethod(string id, string? cannotCrossReason)
        : base(id, cannotCrossReason)
    {
    }

    /// <summary>Parent side: writes the instance an instance method runs on (a copy, as pickle copies a bound method's object).</summary>
    public abstract void WriteTarget(WireWriter writer, object target);

    /// <summary>Parent side: writes one item's arguments.</summary>
    public abstract void WriteArguments(WireWriter writer, TIn item);

    /// <summary>Parent side: reads one item's result as written by <see cref="RemoteMethod.InvokeAsync"/>.</summary>
    public abstract TOut ReadResult(WireReader reader);
}
