using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>A delegate handed to something that runs it in parallel: a lambda or a method group.</summary>
internal readonly struct WorkerDelegate
{
    public WorkerDelegate(IOperation target, string name, IParameterSymbol? loopIndex)
    {
        Target = target;
        Name = name;
        LoopIndex = loopIndex;
    }

    /// <summary>An <see cref="IAnonymousFunctionOperation"/> or an <see cref="IMethodReferenceOperation"/>.</summary>
    public IOperation Target { get; }

    public string Name { get; }

    public IParameterSymbol? LoopIndex { get; }
}
