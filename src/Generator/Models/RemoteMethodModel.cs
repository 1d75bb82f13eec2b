using ParallelGen.Generator.Helpers;

namespace ParallelGen.Generator.Models;

/// <summary>
/// A wrappable <c>[Parallelizable]</c> method as the cross-process registry sees it: the wrappers' model, and either
/// why it cannot run in a worker process or the wire types of its parameters, result and instance.
/// </summary>
/// <param name="Method">The wrappers' model (item type, call shape, id).</param>
/// <param name="CannotCrossReason">The whole sentence naming the method and the part at fault, or <see langword="null"/>.</param>
/// <param name="Holder">The nested class that holds the type's remote methods, e.g. <c>__ParallelGenRemote_Demo_Numbers</c>.</param>
/// <param name="Parameters">The wire type key of each item parameter.</param>
/// <param name="Result">The wire type key of the result, or <see langword="null"/> for none.</param>
/// <param name="Target">The wire type key of the instance of an instance method, or <see langword="null"/>.</param>
/// <param name="Types">Every wire type the method needs, its parts included.</param>
internal sealed record RemoteMethodModel(
    MethodModel Method,
    string? CannotCrossReason,
    string Holder,
    EquatableArray<string> Parameters,
    string? Result,
    string? Target,
    EquatableArray<WireTypeModel> Types);
