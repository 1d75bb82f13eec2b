namespace ParallelGen.Shared.Crossing;

/// <summary>How a value of one type crosses to a worker process, as <see cref="CrossingRule.Classify"/> decides.</summary>
internal enum WireKind
{
    /// <summary>It cannot cross; <see cref="WireShape.Reason"/> says why.</summary>
    Refused,

    /// <summary>A value <c>WireWriter</c> writes directly (<see cref="WireShape.Primitive"/> names the method suffix).</summary>
    Primitive,

    /// <summary>An enum, as its underlying integer (the one element).</summary>
    Enum,

    /// <summary><c>Nullable&lt;T&gt;</c>: a presence byte, then the value (the one element).</summary>
    Nullable,

    /// <summary>A one-dimensional array, or a read-only sequence interface materialized as one (the one element).</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>, or <c>IList&lt;T&gt;</c> / <c>ICollection&lt;T&gt;</c> materialized as one.</summary>
    List,

    /// <summary><c>HashSet&lt;T&gt;</c>, or a set interface materialized as one.</summary>
    HashSet,

    /// <summary><c>Dictionary&lt;K, V&gt;</c>, or a dictionary interface materialized as one (key, value).</summary>
    Dictionary,

    /// <summary>A value tuple: its elements in order.</summary>
    Tuple,

    /// <summary>A record, struct or class rebuilt from its public members (<see cref="WireShape.Members"/>).</summary>
    Object,

    /// <summary>A type with a registered <c>IWireSerializer&lt;T&gt;</c> (<see cref="WireShape.Serializer"/>).</summary>
    Custom,
}
