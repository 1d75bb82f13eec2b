using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers;

/// <summary>
/// Every diagnostic descriptor of ParallelGen, in one place. Usage rules (<c>PG0001</c>-<c>PG0099</c>) are in this
/// file; race rules (<c>PG0100</c> and up) are in <c>DiagnosticDescriptors.Races.cs</c>. Each rule's help link points at
/// its page <c>docs/rules/PGxxxx.md</c>; ids come from <see cref="DiagnosticIds"/>.
/// </summary>
internal static partial class DiagnosticDescriptors
{
    /// <summary>The category of the usage rules.</summary>
    public const string UsageCategory = "ParallelGen.Usage";

    /// <summary>The category of the race rules.</summary>
    public const string ConcurrencyCategory = "ParallelGen.Concurrency";

    /// <summary>The address of a rule's documentation page.</summary>
    public static string HelpLink(string id) => "https://github.com/parallelgen/parallelgen/blob/main/docs/rules/" + id + ".md";

    /// <summary>Builds a descriptor with the rule's help link; enabled by default.</summary>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id));

    /// <summary>PG0001: the containing type, or an enclosing type, of a [Parallelizable] method is not partial.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        DiagnosticIds.ContainingTypeNotPartial,
        "The type of a [Parallelizable] method must be partial",
        "Type '{0}' must be declared partial so that ParallelGen can add the wrappers of '{1}'",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The generated Map, MapAsync, AsCompleted and Submit wrappers are added to the type that declares the method, so that type and every type enclosing it must be partial.");

    /// <summary>PG0002: a parameter the wrappers cannot carry.</summary>
    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        DiagnosticIds.UnsupportedParameter,
        "A [Parallelizable] method cannot take this kind of parameter",
        "Parameter '{0}' of '{1}' is {2}; a work item cannot carry it, so no wrappers are generated — pass it by value",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Work items are stored, queued and run on other threads: ref, out and in parameters, pointers and ref structs (Span<T>, ReadOnlySpan<T>, ...) cannot be stored in them.");

    /// <summary>PG0003: a return type the wrappers cannot carry.</summary>
    public static readonly DiagnosticDescriptor UnsupportedReturn = Create(
        DiagnosticIds.UnsupportedReturn,
        "A [Parallelizable] method cannot return this kind of value",
        "'{0}' returns {1}; the wrappers cannot carry it, so none are generated — {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Results are collected in arrays and futures after the worker returns: ref returns, pointers and ref structs cannot be stored, an async void method cannot be awaited, and an IAsyncEnumerable is a stream rather than one result.");

    /// <summary>PG0004: a generated wrapper name clashes with an existing member.</summary>
    public static readonly DiagnosticDescriptor WrapperNameClash = Create(
        DiagnosticIds.WrapperNameClash,
        "A generated wrapper name clashes with an existing member",
        "The wrapper '{0}' generated for '{1}' clashes with {2}; no wrappers are generated — rename it or set [Parallelizable(Name = \"...\")]",
        UsageCategory,
        DiagnosticSeverity.Error,
        "For a method X the generator adds XMap, XMapAsync, XAsCompleted and XSubmit (X is the method's name or the attribute's Name). A member of the type, an inherited or interface member, a type parameter or the type's own name with one of those names would make the generated code ambiguous or fail to compile.");

    /// <summary>PG0005: [Parallelizable] on something that is not an ordinary method.</summary>
    public static readonly DiagnosticDescriptor NotAMethod = Create(
        DiagnosticIds.NotAMethod,
        "[Parallelizable] applies to ordinary methods only",
        "[Parallelizable] is on {0} '{1}', which is not an ordinary method; no wrappers are generated — move the code into a method of a partial type",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Wrappers are generated for methods declared in a type. Local functions, lambdas, property and event accessors, operators, conversions, constructors, finalizers and abstract or extern methods without a body have no place for them.");

    /// <summary>PG0010: the attribute's Name cannot prefix the wrappers' names.</summary>
    public static readonly DiagnosticDescriptor InvalidWrapperName = Create(
        DiagnosticIds.InvalidWrapperName,
        "The Name of [Parallelizable] must be an identifier",
        "Name \"{0}\" of '{1}' is {2}; no wrappers are generated — use an identifier such as \"Resize\", or leave Name out",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The wrappers are named Name + Map, MapAsync, AsCompleted and Submit, so Name must be the start of a C# identifier: not empty, no white space, no '@', no formatting characters, not starting with a digit.");

    /// <summary>PG0011: two [Parallelizable] methods would get wrappers of the same signature.</summary>
    public static readonly DiagnosticDescriptor WrappersCollide = Create(
        DiagnosticIds.WrappersCollide,
        "Two [Parallelizable] methods would get the same wrapper",
        "The wrapper '{2}' of '{0}' would have the same signature as the one generated for '{1}'; no wrappers are generated for either — set [Parallelizable(Name = \"...\")] on one of them",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Overloads share the wrappers' prefix. When two of them take the same item (a trailing CancellationToken is not part of it) their Map, MapAsync, AsCompleted or Submit wrappers would be duplicates, and the generated code would not compile.");

    /// <summary>PG0012: the containing type cannot hold the wrappers.</summary>
    public static readonly DiagnosticDescriptor UnsupportedContainingType = Create(
        DiagnosticIds.UnsupportedContainingType,
        "The type of a [Parallelizable] method cannot hold its wrappers",
        "'{0}' {1}; no wrappers are generated — {2}",
        UsageCategory,
        DiagnosticSeverity.Error,
        "The wrappers are added to a partial class, struct or record in a generated file. An interface, a file-local type (invisible from another file) or, for an instance method, a ref struct (which a work item cannot hold) cannot take them.");
}
