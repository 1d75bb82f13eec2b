using ParallelGen.Generator.Helpers;
using ParallelGen.Shared.Crossing;

namespace ParallelGen.Generator.Models;

/// <summary>
/// One type that crosses to worker processes, as data: the assembly gets one write and one read method per
/// <see cref="Name"/>, shared by every method that sends it.
/// </summary>
/// <param name="Name">The type, <c>global::</c>-qualified, tuples expanded, without nullable annotations: the key.</param>
/// <param name="Kind">How it crosses.</param>
/// <param name="IsReference">Whether it can be null (a presence byte precedes it; strings carry their own null).</param>
/// <param name="Primitive">For a primitive: the <c>WireWriter.Write*</c> suffix.</param>
/// <param name="Elements">The names of its parts: element; key and value; tuple elements; an enum's underlying type.</param>
/// <param name="Members">For a record, struct or class: its members, constructor parameters first.</param>
/// <param name="Serializer">For a registered serializer: its type.</param>
/// <param name="Materialized">For a collection: declared as an interface, filled with the concrete collection.</param>
/// <param name="ExactTypeOnly">For a class that can be derived from: a derived instance is refused at run time, since
/// only the declared type's members would travel (no type name crosses the wire).</param>
internal sealed record WireTypeModel(
    string Name,
    WireKind Kind,
    bool IsReference,
    string? Primitive,
    EquatableArray<string> Elements,
    EquatableArray<WireMemberModel> Members,
    string? Serializer,
    bool Materialized,
    bool ExactTypeOnly);

/// <summary>A member of a <see cref="WireTypeModel"/> of kind <see cref="WireKind.Object"/>.</summary>
/// <param name="Name">The member's name (keywords escaped).</param>
/// <param name="Type">The key of its <see cref="WireTypeModel"/>.</param>
/// <param name="InConstructor">Whether it is passed to the constructor (in member order), rather than set by an initializer.</param>
internal sealed record WireMemberModel(string Name, string Type, bool InConstructor);
