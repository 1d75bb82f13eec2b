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
        "The wrapper '{0}' generated for '{1}' clashes with the existing member '{2}' of '{3}'; rename the member or set [Parallelizable(Name = \"...\")]",
        UsageCategory,
        DiagnosticSeverity.Error,
        "For a method X the generator adds XMap, XMapAsync, XAsCompleted and XSubmit (X is the method's name or the attribute's Name). A member of the type with one of those names would make the generated code ambiguous or fail to compile.");

    /// <summary>PG0005: [Parallelizable] on something that is not an ordinary method.</summary>
    public static readonly DiagnosticDescriptor NotAMethod = Create(
        DiagnosticIds.NotAMethod,
        "[Parallelizable] applies to ordinary methods only",
        "[Parallelizable] is on {0} '{1}', which is not an ordinary method; no wrappers are generated — move the code into a method of a partial type",
        UsageCategory,
        DiagnosticSeverity.Error,
        "Wrappers are generated for methods declared in a type. Local functions, lambdas, property and event accessors, operators, conversions, constructors, finalizers and abstract or extern methods without a body have no place for them.");
}
