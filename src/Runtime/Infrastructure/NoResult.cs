using System.ComponentModel;

namespace ParallelGen.Infrastructure;

/// <summary>The result of a <c>void</c> or <c>Task</c> method inside the runtime. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NoResult
{
}
