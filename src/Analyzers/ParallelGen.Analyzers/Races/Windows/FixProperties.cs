namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>
/// Names of diagnostic properties that the launch-window rules (PG0108, PG0109) hand to their code fixes; shared as
/// source with the code-fix assembly (no assembly reference between the two).
/// </summary>
internal static class FixProperties
{
    /// <summary>The statement that waits for the worker before the access ("await t;", "t.Wait();", "t.Join();").</summary>
    public const string WaitStatement = "WaitStatement";

    /// <summary>The blocking form of <see cref="WaitStatement"/>, for places where await is not allowed (inside lock).</summary>
    public const string BlockingWait = "BlockingWait";

    /// <summary>The name of the lock object the other side holds, which the reported access may take too.</summary>
    public const string LockWith = "LockWith";
}
