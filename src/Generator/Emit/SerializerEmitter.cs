using System.Collections.Generic;
using System.Globalization;
using ParallelGen.Generator.Helpers;
using ParallelGen.Generator.Models;
using ParallelGen.Shared.Crossing;

namespace ParallelGen.Generator.Emit;

/// <summary>
/// Writes the assembly's serializers: for each <see cref="WireTypeModel"/> one <c>Write{n}</c> and one <c>Read{n}</c>
/// method on <c>WireWriter</c> / <c>WireReader</c>, hand-written style (no reflection, no boxing, no type names on the
/// wire). A reference type is preceded by a presence byte; a collection by its count, which the reader checks
/// against the bytes left before allocating.
/// </summary>
internal sealed class SerializerEmitter
{
    private const string Writer = "global::ParallelGen.WireWriter";
    private const string Reader = "global::ParallelGen.WireReader";

    private readonly Dictionary<string, int> _index = new();
    private readonly Dictionary<string, WireTypeModel> _types = new();

    public SerializerEmitter(string className, IReadOnlyList<WireTypeModel> types)
    {
        ClassName = className;
        Types = types;
        for (var i = 0; i < types.Count; i++)
        {
            _index[types[i].Name] = i;
            _types[types[i].Name] = types[i];
        }
    }

    /// <summary>The <c>global::</c>-qualified class that holds the serializers.</summary>
    public string ClassName { get; }

    /// <summary>The types, in the order their methods are numbered.</summary>
    public IReadOnlyList<WireTypeModel> Types { get; }

    /// <summary>The call that writes a value of <paramref name="type"/>, to be followed by <c>(writer, value)</c>.</summary>
    public string WriteCall(string type) => ClassName + ".Write" + Number(type);

    /// <summary>The call that reads a value of <paramref name="type"/>, to be followed by <c>(reader)</c>.</summary>
    public string ReadCall(string type) => ClassName + ".Read" + Number(type);

    public void Emit(IndentedWriter writer, string simpleName, string generatedCode)
    {
        writer.Line("/// <summary>The serializers of the values that cross to worker processes. Not for direct use.</summary>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Line(generatedCode);
        using (writer.Block("internal static class " + simpleName))
        {
            for (var i = 0; i < Types.Count; i++)
            {
                if (Types[i].Serializer is { } serializer)
                {
                    writer.Line("private static readonly " + serializer + " s_serializer" + Number(Types[i].Name) + " = new " + serializer + "();");
                    writer.Line();
                }
            }

            for (var i = 0; i < Types.Count; i++)
            {
                if (i > 0)
                {
                    writer.Line();
                }

                EmitType(writer, Types[i]);
            }
        }
    }

    private string Number(string type) => _index[type].ToString(CultureInfo.InvariantCulture);

    private void EmitType(IndentedWriter writer, WireTypeModel type)
    {
        var n = Number(type.Name);
        writer.Line("/// <summary>Writes a <c>" + Escape(type.Name) + "</c>.</summary>");
        using (writer.Block("internal static void Write" + n + "(" + Writer + " writer, " + type.Name + " value)"))
        {
            if (type.IsReference)
            {
                using (writer.Block("if (value is null)"))
                {
                    writer.Line("writer.WritePresence(false);");
                    writer.Line("return;");
                }

                writer.Line();
                if (type.ExactTypeOnly)
                {
                    using (writer.Block("if (value.GetType() != typeof(" + type.Name + "))"))
                    {
                        writer.Line("throw new global::System.NotSupportedException(\"A \" + value.GetType().FullName + \" cannot cross to a worker process as " + Escape(type.Name, xml: false)
                            + ": only the declared type's public members would travel. Declare the derived type, or register an IWireSerializer for the base type.\");");
                    }

                    writer.Line();
                }

                writer.Line("writer.WritePresence(true);");
            }

            EmitWriteBody(writer, type);
        }

        writer.Line();
        writer.Line("/// <summary>Reads a <c>" + Escape(type.Name) + "</c>.</summary>");
        using (writer.Block("internal static " + type.Name + " Read" + n + "(" + Reader + " reader)"))
        {
            if (type.IsReference)
            {
                using (writer.Block("if (!reader.ReadPresence())"))
                {
                    writer.Line("return null;");
                }

                writer.Line();
            }

            EmitReadBody(writer, type);
        }
    }

    private void EmitWriteBody(IndentedWriter writer, WireTypeModel type)
    {
        switch (type.Kind)
        {
            case WireKind.Primitive:
                writer.Line("writer.Write" + type.Primitive + "(value);");
                break;
            case WireKind.Enum:
                var underlying = _types[type.Elements[0]];
                writer.Line("writer.Write" + underlying.Primitive + "((" + underlying.Name + ")value);");
                break;
            case WireKind.Nullable:
                writer.Line("writer.WritePresence(value.HasValue);");
                using (writer.Block("if (value.HasValue)"))
                {
                    writer.Line(WriteCall(type.Elements[0]) + "(writer, value.GetValueOrDefault());");
                }

                break;
            case WireKind.Array:
                var items = "value";
                if (type.Materialized)
                {
                    writer.Line("var items = value as " + type.Elements[0] + "[] ?? global::System.Linq.Enumerable.ToArray(value);");
                    items = "items";
                }

                writer.Line("writer.WriteCount(" + items + ".Length);");
                using (writer.Block("foreach (var item in " + items + ")"))
                {
                    writer.Line(WriteCall(type.Elements[0]) + "(writer, item);");
                }

                break;
            case WireKind.List or WireKind.HashSet:
                writer.Line("writer.WriteCount(value.Count);");
                using (writer.Block("foreach (var item in value)"))
                {
                    writer.Line(WriteCall(type.Elements[0]) + "(writer, item);");
                }

                break;
            case WireKind.Dictionary:
                writer.Line("writer.WriteCount(value.Count);");
                using (writer.Block("foreach (var pair in value)"))
                {
                    writer.Line(WriteCall(type.Elements[0]) + "(writer, pair.Key);");
                    writer.Line(WriteCall(type.Elements[1]) + "(writer, pair.Value);");
                }

                break;
            case WireKind.Tuple:
                for (var i = 0; i < type.Elements.Count; i++)
                {
                    writer.Line(WriteCall(type.Elements[i]) + "(writer, value.Item" + (i + 1).ToString(CultureInfo.InvariantCulture) + ");");
                }

                break;
            case WireKind.Object:
                foreach (var member in type.Members)
                {
                    writer.Line(WriteCall(member.Type) + "(writer, value." + member.Name + ");");
                }

                break;
            case WireKind.Custom:
                writer.Line("s_serializer" + Number(type.Name) + ".Write(writer, value);");
                break;
        }
    }

    private void EmitReadBody(IndentedWriter writer, WireTypeModel type)
    {
        switch (type.Kind)
        {
            case WireKind.Primitive:
                writer.Line("return reader.Read" + type.Primitive + "();");
                break;
            case WireKind.Enum:
                writer.Line("return (" + type.Name + ")reader.Read" + _types[type.Elements[0]].Primitive + "();");
                break;
            case WireKind.Nullable:
                writer.Line("return reader.ReadPresence() ? " + ReadCall(type.Elements[0]) + "(reader) : null;");
                break;
            case WireKind.Array:
                writer.Line("var count = reader.ReadCount();");
                writer.Line("var items = global::System.GC.AllocateUninitializedArray<" + type.Elements[0] + ">(count);");
                using (writer.Block("for (var i = 0; i < items.Length; i++)"))
                {
                    writer.Line("items[i] = " + ReadCall(type.Elements[0]) + "(reader);");
                }

                writer.Line("return items;");
                break;
            case WireKind.List or WireKind.HashSet:
                var collection = (type.Kind == WireKind.List ? "global::System.Collections.Generic.List<" : "global::System.Collections.Generic.HashSet<") + type.Elements[0] + ">";
                writer.Line("var count = reader.ReadCount();");
                writer.Line("var items = new " + collection + "(count);");
                using (writer.Block("for (var i = 0; i < count; i++)"))
                {
                    writer.Line("items.Add(" + ReadCall(type.Elements[0]) + "(reader));");
                }

                writer.Line("return items;");
                break;
            case WireKind.Dictionary:
                writer.Line("var count = reader.ReadCount();");
                writer.Line("var items = new global::System.Collections.Generic.Dictionary<" + type.Elements[0] + ", " + type.Elements[1] + ">(count);");
                using (writer.Block("for (var i = 0; i < count; i++)"))
                {
                    writer.Line("var key = " + ReadCall(type.Elements[0]) + "(reader);");
                    if (_types[type.Elements[0]].IsReference || _types[type.Elements[0]].Primitive == "String")
                    {
                        using (writer.Block("if (key is null)"))
                        {
                            writer.Line("throw new global::System.IO.InvalidDataException(\"A dictionary key is null.\");");
                        }
                    }

                    writer.Line("items[key] = " + ReadCall(type.Elements[1]) + "(reader);");
                }

                writer.Line("return items;");
                break;
            case WireKind.Tuple:
                var parts = new string[type.Elements.Count];
                for (var i = 0; i < parts.Length; i++)
                {
                    parts[i] = ReadCall(type.Elements[i]) + "(reader)";
                }

                writer.Line("return (" + string.Join(", ", parts) + ");");
                break;
            case WireKind.Object:
                EmitConstruction(writer, type);
                break;
            case WireKind.Custom:
                writer.Line("return s_serializer" + Number(type.Name) + ".Read(reader);");
                break;
        }
    }

    /// <summary>Constructor arguments then initializers, in the order they were written (C# evaluates them left to right).</summary>
    private void EmitConstruction(IndentedWriter writer, WireTypeModel type)
    {
        var arguments = new List<string>();
        var initializers = new List<string>();
        foreach (var member in type.Members)
        {
            var read = ReadCall(member.Type) + "(reader)";
            if (member.InConstructor)
            {
                arguments.Add(read);
            }
            else
            {
                initializers.Add(member.Name + " = " + read);
            }
        }

        writer.Indent().Write("return new ").Write(type.Name).Write("(").Write(string.Join(", ", arguments)).Write(")");
        if (initializers.Count > 0)
        {
            writer.EndLine();
            writer.Line("{");
            foreach (var initializer in initializers)
            {
                writer.Line("    " + initializer + ",");
            }

            writer.Line("};");
        }
        else
        {
            writer.Write(";").EndLine();
        }
    }

    private static string Escape(string text, bool xml = true) =>
        xml ? text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") : text.Replace("global::", string.Empty).Replace("\\", "\\\\").Replace("\"", "\\\"");
}
