using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Crossing;

/// <summary>
/// THE rule of what can cross to a worker process — Python's "can't pickle", decided at compile time. Compiled into
/// the generator (which emits a serializer for what crosses, or registers the method with the reason) and into the
/// analyzers (which report the reason), so the two never disagree. <see cref="Classify"/> judges one type alone;
/// <see cref="Explain"/> walks a type and its parts and names the first part that cannot cross.
/// </summary>
internal static partial class CrossingRule
{
    private const string RegisterHint = "register an IWireSerializer<T> with [assembly: ParallelGen.WireSerializer(typeof(...))] or pass a concrete data type";

    /// <summary>How a value of <paramref name="type"/> crosses, judging the type alone (not its parts).</summary>
    public static WireShape Classify(ITypeSymbol type, CrossingContext context)
    {
        switch (type)
        {
            case ITypeParameterSymbol:
                return WireShape.Refuse(type, "a type parameter is only known at run time, and the registry serializes closed types");
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return WireShape.Refuse(type, "a pointer is an address in this process");
            case IArrayTypeSymbol array:
                return array.Rank == 1
                    ? WireShape.Of(WireKind.Array, type, ImmutableArray.Create(array.ElementType))
                    : WireShape.Refuse(type, "a multi-dimensional array cannot cross; use a jagged array or a list");
            case INamedTypeSymbol named:
                return ClassifyNamed(named, context);
            default:
                return type.TypeKind == TypeKind.Dynamic
                    ? WireShape.Refuse(type, "'dynamic' says nothing of the value's type, and no type name read from the wire is instantiated; " + RegisterHint)
                    : WireShape.Refuse(type, "its type is not known");
        }
    }

    private static WireShape ClassifyNamed(INamedTypeSymbol type, CrossingContext context)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return WireShape.Refuse(type, "its type does not compile");
        }

        if (context.SerializerFor(type) is { } serializer)
        {
            return HasPublicParameterlessConstructor(serializer) && context.IsAccessible(serializer)
                ? WireShape.OfCustom(type, serializer)
                : WireShape.Refuse(type, "its registered serializer '" + serializer.Name + "' needs a public parameterless constructor and to be internal or public");
        }

        if (Primitive(type) is { } primitive)
        {
            return WireShape.OfPrimitive(type, primitive);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Object:
                return WireShape.Refuse(type, "'object' says nothing of the value's type, and no type name read from the wire is instantiated; " + RegisterHint);
            case SpecialType.System_IntPtr or SpecialType.System_UIntPtr:
                return WireShape.Refuse(type, "a native-sized integer is usually a handle or an address, valid only in this process");
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return WireShape.Of(WireKind.Nullable, type, type.TypeArguments);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            if (!context.IsAccessible(type))
            {
                return WireShape.Refuse(type, "it is private, protected or file-local, so the assembly's generated serializers cannot name it; make it internal or public");
            }

            return type.EnumUnderlyingType is { } underlying
                ? WireShape.Of(WireKind.Enum, type, ImmutableArray.Create<ITypeSymbol>(underlying))
                : WireShape.Refuse(type, "its underlying type is not known");
        }

        if (type.IsRefLikeType)
        {
            return WireShape.Refuse(type, "a ref struct (Span<T>, ReadOnlySpan<T>, ...) lives on the stack and cannot be stored or copied; pass an array");
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return WireShape.Refuse(type, "a delegate (a lambda, a method group) is code and captured state of this process; pass data and call a [Parallelizable] method in the worker");
        }

        if (type.IsTupleType)
        {
            if (type.TupleElements.Length < 2)
            {
                return WireShape.Refuse(type, "a one-element ValueTuple has no tuple syntax to rebuild it with; pass the element");
            }

            var elements = ImmutableArray.CreateBuilder<ITypeSymbol>(type.TupleElements.Length);
            var names = ImmutableArray.CreateBuilder<string>(type.TupleElements.Length);
            foreach (var element in type.TupleElements)
            {
                elements.Add(element.Type);
                names.Add(element.Name);
            }

            return WireShape.OfTuple(type, elements.MoveToImmutable(), names.MoveToImmutable());
        }

        if (Collection(type) is { } collection)
        {
            return collection;
        }

        return ClassifyByNamespace(type, context) ?? ClassifyObject(type, context);
    }

    private static WireShape? ClassifyByNamespace(INamedTypeSymbol type, CrossingContext context)
    {
        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System.Threading.Tasks")
        {
            return WireShape.Refuse(type, "a task is work running in this process; pass its result instead");
        }

        if (ns == "System.Threading" || ns.StartsWith("System.Threading.", StringComparison.Ordinal))
        {
            return WireShape.Refuse(type, "a thread, lock, token or other threading object belongs to this process; a worker makes its own");
        }

        if (ns == "System.IO" || ns.StartsWith("System.IO.", StringComparison.Ordinal) || ns.StartsWith("System.Net", StringComparison.Ordinal))
        {
            return WireShape.Refuse(type, "a stream, reader, writer, file or socket is a handle of this process; pass a path, a URI or the bytes");
        }

        if (ns == "System.Collections" || ns.StartsWith("System.Collections.", StringComparison.Ordinal))
        {
            return WireShape.Refuse(type, "only arrays, List<T>, HashSet<T>, Dictionary<TKey, TValue> and their interfaces cross among collections; convert it to one of those");
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return WireShape.Refuse(type, "an interface says nothing of the value's concrete type, and no type name read from the wire is instantiated; " + RegisterHint);
        }

        if (type.IsAbstract)
        {
            return WireShape.Refuse(type, "an abstract class says nothing of the value's concrete type, and no type name read from the wire is instantiated; " + RegisterHint);
        }

        if (IsDisposable(type, context))
        {
            return WireShape.Refuse(type, "it is disposable, so it holds a resource (a handle, a connection) of this process; pass the data it was made from");
        }

        if (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return WireShape.Refuse(type, "ParallelGen serializes only the framework types it knows (primitives, string, Guid, dates, times, collections, tuples); " + RegisterHint);
        }

        return null;
    }

    private static bool IsDisposable(INamedTypeSymbol type, CrossingContext context)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, context.Disposable)
                || SymbolEqualityComparer.Default.Equals(implemented, context.AsyncDisposable))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility == Accessibility.Public)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Primitive(INamedTypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return "Boolean";
            case SpecialType.System_Byte: return "Byte";
            case SpecialType.System_SByte: return "SByte";
            case SpecialType.System_Char: return "Char";
            case SpecialType.System_Int16: return "Int16";
            case SpecialType.System_UInt16: return "UInt16";
            case SpecialType.System_Int32: return "Int32";
            case SpecialType.System_UInt32: return "UInt32";
            case SpecialType.System_Int64: return "Int64";
            case SpecialType.System_UInt64: return "UInt64";
            case SpecialType.System_Single: return "Single";
            case SpecialType.System_Double: return "Double";
            case SpecialType.System_Decimal: return "Decimal";
            case SpecialType.System_String: return "String";
            case SpecialType.System_DateTime: return "DateTime";
        }

        if (type.ContainingType is null && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type.Arity == 0)
        {
            return type.Name switch
            {
                "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" => type.Name,
                _ => null,
            };
        }

        return null;
    }

    private static WireShape? Collection(INamedTypeSymbol type)
    {
        if (type.Arity is not (1 or 2) || type.ContainingType is not null)
        {
            return null;
        }

        var ns = type.ContainingNamespace?.ToDisplayString();
        if (ns != "System.Collections.Generic")
        {
            return null;
        }

        var arguments = type.TypeArguments;
        return (type.Name, type.Arity) switch
        {
            ("List", 1) => WireShape.Of(WireKind.List, type, arguments),
            ("IList" or "ICollection", 1) => WireShape.Of(WireKind.List, type, arguments, materialized: true),
            ("IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection", 1) => WireShape.Of(WireKind.Array, type, arguments, materialized: true),
            ("HashSet", 1) => WireShape.Of(WireKind.HashSet, type, arguments),
            ("ISet" or "IReadOnlySet", 1) => WireShape.Of(WireKind.HashSet, type, arguments, materialized: true),
            ("Dictionary", 2) => WireShape.Of(WireKind.Dictionary, type, arguments),
            ("IDictionary" or "IReadOnlyDictionary", 2) => WireShape.Of(WireKind.Dictionary, type, arguments, materialized: true),
            _ => null,
        };
    }
}
