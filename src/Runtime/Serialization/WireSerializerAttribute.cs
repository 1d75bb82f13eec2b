using System;

namespace ParallelGen;

/// <summary>
/// Registers a <see cref="IWireSerializer{T}"/> for the assembly: values of its type then cross to worker processes
/// through it. The generator and the analyzers read the attribute at compile time.
/// </summary>
/// <example><c>[assembly: ParallelGen.WireSerializer(typeof(ColorSerializer))]</c></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class WireSerializerAttribute : Attribute
{
    /// <summary>Registers <paramref name="serializerType"/>, a class implementing <see cref="IWireSerializer{T}"/>.</summary>
    /// <param name="serializerType">The serializer.</param>
    public WireSerializerAttribute(Type serializerType) => SerializerType = serializerType;

    /// <summary>The serializer: a class with a public parameterless constructor implementing <see cref="IWireSerializer{T}"/>.</summary>
    public Type SerializerType { get; }
}
