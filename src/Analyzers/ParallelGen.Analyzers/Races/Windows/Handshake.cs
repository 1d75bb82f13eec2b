using System.Collections.Generic;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>Which side of a handshake a call is.</summary>
internal enum HandshakeKind
{
    /// <summary>Set, Signal, Release, SetResult: what came before is published.</summary>
    Signal,

    /// <summary>Wait, WaitOne, awaiting a TaskCompletionSource's task: what comes after sees what was published.</summary>
    Wait,

    /// <summary>Barrier.SignalAndWait: both.</summary>
    Both,
}

/// <summary>A signal or a wait on a synchronization object (an event, a countdown, a barrier, a semaphore used as a signal).</summary>
internal sealed class Handshake(StorageKey target, HandshakeKind kind, Order order)
{
    public StorageKey Target { get; } = target;

    public HandshakeKind Kind { get; } = kind;

    public Order Order { get; } = order;

    public bool Signals => Kind is HandshakeKind.Signal or HandshakeKind.Both;

    public bool Waits => Kind is HandshakeKind.Wait or HandshakeKind.Both;

    /// <summary>
    /// Whether <paramref name="first"/> (in code that made <paramref name="firstSide"/>) certainly happens before
    /// <paramref name="second"/> (in code that made <paramref name="secondSide"/>): the first code signals an object
    /// after its access, and the second code waits on the same object before its access.
    /// </summary>
    public static bool Orders(Access first, IReadOnlyList<Handshake> firstSide, Access second, IReadOnlyList<Handshake> secondSide)
    {
        foreach (var signal in firstSide)
        {
            if (!signal.Signals || !first.Order.IsBefore(signal.Order))
            {
                continue;
            }

            foreach (var wait in secondSide)
            {
                if (wait.Waits && wait.Target.Equals(signal.Target) && wait.Order.IsBefore(second.Order))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
