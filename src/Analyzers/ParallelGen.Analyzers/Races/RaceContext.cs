using System.Threading;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races;

/// <summary>What the race rules share within one compilation: the well-known types and the method summaries.</summary>
internal sealed class RaceContext
{
    public RaceContext(Compilation compilation, CancellationToken cancellationToken)
    {
        Compilation = compilation;
        CancellationToken = cancellationToken;
        Known = KnownTypes.Create(compilation);
        Summaries = new SummaryCache(this);
        Screen = new BodyScreen(compilation);
        Accesses = new Windows.AccessSummaries(this);
        PerThread = new PerThreadProperties(this);
        Windows = new Windows.LaunchWindows(this);
        Helpers = new LauncherHelpers(this);
    }

    public BodyScreen Screen { get; }

    public Compilation Compilation { get; }

    public CancellationToken CancellationToken { get; }

    public KnownTypes Known { get; }

    public SummaryCache Summaries { get; }

    /// <summary>Read and write summaries for the happens-before analysis of run-once workers.</summary>
    public Windows.AccessSummaries Accesses { get; }

    /// <summary>Methods of the compilation that run a delegate parameter in parallel.</summary>
    public LauncherHelpers Helpers { get; }

    /// <summary>Static properties that hand each thread its own instance.</summary>
    public PerThreadProperties PerThread { get; }

    /// <summary>The happens-before analysis of run-once workers against the code that starts them.</summary>
    public Windows.LaunchWindows Windows { get; }

    /// <summary>
    /// The semantic model of another tree of the compilation, for the body of a called method. Summaries follow calls
    /// across files, which a per-tree model cannot do; the models are cached per tree by <see cref="SummaryCache"/>.
    /// </summary>
#pragma warning disable RS1030 // Interprocedural summaries read the bodies of called methods in other trees.
    public SemanticModel SemanticModel(SyntaxTree tree) => Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    public IOperation? Operation(SemanticModel model, SyntaxNode node) => model.GetOperation(node, CancellationToken);
}
