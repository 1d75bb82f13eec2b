using System;
using System.ComponentModel;
using ParallelGen.Shared;

namespace ParallelGen.Infrastructure;

/// <summary>
/// What the generated wrappers tell the runtime about the <c>[Parallelizable]</c> method they wrap: a stable id
/// (its documentation-comment id, the key of the cross-process registry) and the attribute's defaults.
/// Not for direct use.
/// </summary>
/// <param name="Id">The method's stable id.</param>
/// <param name="MaxDegreeOfParallelism">The attribute's <see cref="ParallelizableAttribute.MaxDegreeOfParallelism"/>.</param>
/// <param name="ChunkSize">The attribute's <see cref="ParallelizableAttribute.ChunkSize"/>.</param>
/// <param name="Target">The instance an instance method runs on (copied to a worker process or machine), or
/// <see langword="null"/> for a static method.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[Obsolete(InfrastructureMarker.Message, DiagnosticId = InfrastructureMarker.DiagnosticId)]
public readonly record struct ParallelMethod(string Id, int MaxDegreeOfParallelism = 0, int ChunkSize = 0, object? Target = null);
