using Microsoft.CodeAnalysis;

namespace ParallelGen.Shared.Wrapping;

/// <summary>How the usage rule names a method that is not an ordinary one.</summary>
internal static class MethodKinds
{
    /// <summary>"the operator", "the constructor", ...: the words before the symbol's name in PG0005.</summary>
    public static string Describe(MethodKind kind) => kind switch
    {
        MethodKind.PropertyGet or MethodKind.PropertySet => "the property accessor",
        MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "the event accessor",
        MethodKind.UserDefinedOperator => "the operator",
        MethodKind.Conversion => "the conversion operator",
        MethodKind.Destructor => "the finalizer",
        MethodKind.Constructor or MethodKind.StaticConstructor => "the constructor",
        MethodKind.ExplicitInterfaceImplementation => "the explicit interface implementation",
        MethodKind.LocalFunction => "the local function",
        MethodKind.AnonymousFunction => "a lambda",
        _ => "the special method",
    };
}
