using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Crossing;

/// <summary>
/// What <see cref="CrossingRule"/> needs from one compilation, resolved once: the serializers registered with
/// <c>[assembly: WireSerializer(typeof(...))]</c>, the disposable interfaces, and the verdicts reached so far.
/// </summary>
internal sealed class CrossingContext
{
    /// <summary>The registration attribute's metadata name.</summary>
    public const string WireSerializerAttributeName = "ParallelGen.WireSerializerAttribute";

    private readonly Dictionary<ITypeSymbol, INamedTypeSymbol> _serializers = new(SymbolEqualityComparer.Default);

    public CrossingContext(Compilation compilation)
    {
        Compilation = compilation;
        Disposable = compilation.GetSpecialType(SpecialType.System_IDisposable);
        AsyncDisposable = compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != WireSerializerAttributeName
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol serializer)
            {
                continue;
            }

            foreach (var candidate in serializer.AllInterfaces)
            {
                if (candidate.TypeArguments.Length == 1
                    && candidate.OriginalDefinition.ToDisplayString() == "ParallelGen.IWireSerializer<T>"
                    && !_serializers.ContainsKey(candidate.TypeArguments[0]))
                {
                    _serializers.Add(candidate.TypeArguments[0], serializer);
                }
            }
        }
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol? Disposable { get; }

    public INamedTypeSymbol? AsyncDisposable { get; }

    /// <summary>Verdicts already reached (type -> reason, null when it crosses), shared by every method of the compilation.</summary>
    public ConcurrentDictionary<ITypeSymbol, string?> Verdicts { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The registered serializer of <paramref name="type"/>, if any.</summary>
    public INamedTypeSymbol? SerializerFor(ITypeSymbol type) => _serializers.TryGetValue(type, out var serializer) ? serializer : null;

    /// <summary>Whether generated code at the assembly level (the registry and serializers) can name the type.</summary>
    public bool IsAccessible(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal
                || current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return false;
            }
        }

        return Compilation.IsSymbolAccessibleWithin(type, Compilation.Assembly);
    }
}
