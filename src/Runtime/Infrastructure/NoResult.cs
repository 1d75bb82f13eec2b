using System;
using System.ComponentModel;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure;

/// <summary>The result of a <c>void</c> or <c>Task</c> method inside the runtime. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public readonly struct NoResult
{
}
