using ParallelGen.Infrastructure.Remote;

namespace ParallelGen;

/// <summary>
/// Writes and reads values of <typeparamref name="T"/> for a process pool or a cluster, for a type the generated
/// serializers cannot handle (an interface, an abstract class, a type without public members or a matching
/// constructor). Register it for the assembly with <see cref="WireSerializerAttribute"/>; the generator then calls it
/// wherever a <typeparamref name="T"/> crosses, and the analyzers stop reporting the type. It needs a public
/// parameterless constructor; one instance serves every thread, so keep it stateless.
/// </summary>
/// <typeparam name="T">The type it serializes.</typeparam>
/// <example>
/// <code>
/// [assembly: ParallelGen.WireSerializer(typeof(ColorSerializer))]
///
/// public sealed class ColorSerializer : IWireSerializer&lt;System.Drawing.Color&gt;
/// {
///     public void Write(WireWriter writer, System.Drawing.Color value) =&gt; writer.WriteInt32(value.ToArgb());
///     public System.Drawing.Color Read(WireReader reader) =&gt; System.Drawing.Color.FromArgb(reader.ReadInt32());
/// }
/// </code>
/// </example>
public interface IWireSerializer<T>
{
    /// <summary>Writes <paramref name="value"/> (never <see langword="null"/>: the generated code writes null itself).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The value.</param>
    void Write(WireWriter writer, T value);

    /// <summary>Reads what <see cref="Write"/> wrote. Malformed input throws <see cref="System.IO.InvalidDataException"/>.</summary>
    /// <param name="reader">Where to read.</param>
    /// <returns>The value.</returns>
    T Read(WireReader reader);
}
