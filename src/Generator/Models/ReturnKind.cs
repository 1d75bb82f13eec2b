namespace ParallelGen.Generator.Models;

/// <summary>How a <c>[Parallelizable]</c> method returns, which decides the runtime entry points and the body shape.</summary>
internal enum ReturnKind
{
    /// <summary>A synchronous result <c>T</c>.</summary>
    Value,

    /// <summary><c>void</c>.</summary>
    Void,

    /// <summary><c>Task</c>.</summary>
    Task,

    /// <summary><c>Task&lt;T&gt;</c>.</summary>
    TaskOfT,

    /// <summary><c>ValueTask</c>.</summary>
    ValueTask,

    /// <summary><c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTaskOfT,
}
