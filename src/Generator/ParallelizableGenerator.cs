using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ParallelGen.Generator.Emit;
using ParallelGen.Generator.Parsing;
using ParallelGen.Shared;

namespace ParallelGen.Generator;

/// <summary>
/// Adds <c>XMap</c>, <c>XMapAsync</c>, <c>XAsCompleted</c> and <c>XSubmit</c> wrappers for every
/// <c>[Parallelizable]</c> method <c>X</c> to its partial containing type. Which methods can be wrapped is decided by
/// the rule shared with the usage analyzer (<c>ParallelGen.Shared.Wrapping.Wrappability</c>): the generator skips, without
/// a diagnostic of its own, exactly the methods the analyzer reports.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ParallelizableGenerator : IIncrementalGenerator
{
    /// <summary>The attribute that marks a method.</summary>
    public const string AttributeMetadataName = ParallelizableNames.AttributeMetadataName;

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax },
                static (syntaxContext, cancellationToken) => MethodModelFactory.TryCreate(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.Methods)
            .Where(static method => method is not null)
            .WithTrackingName(TrackingNames.WrappableMethods);

        var types = methods
            .Collect()
            .WithTrackingName(TrackingNames.AllMethods)
            .SelectMany(static (all, cancellationToken) => TypeModelBuilder.Build(all!, cancellationToken))
            .WithTrackingName(TrackingNames.Types);

        var sources = types
            .Select(static (type, cancellationToken) => (type.Hierarchy.HintName, Text: SourceEmitter.Emit(type, cancellationToken)))
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, static (output, source) =>
            output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8)));

        // The cross-process registry: one file for the assembly (its serializers are shared by every method).
        var remote = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax { Parent: TypeDeclarationSyntax },
                static (syntaxContext, cancellationToken) => RemoteModelFactory.TryCreate(syntaxContext, cancellationToken))
            .WithTrackingName(TrackingNames.RemoteMethods)
            .Where(static method => method is not null)
            .Collect()
            .WithTrackingName(TrackingNames.AllRemoteMethods)
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName ?? string.Empty))
            .Select(static (pair, cancellationToken) => RemoteEmitter.Emit(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.RemoteSource);

        context.RegisterSourceOutput(remote, static (output, text) =>
        {
            if (text.Length > 0)
            {
                output.AddSource(RemoteEmitter.HintName, SourceText.From(text, System.Text.Encoding.UTF8));
            }
        });
    }
}
