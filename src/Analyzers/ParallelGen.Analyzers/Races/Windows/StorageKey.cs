using System;
using Microsoft.CodeAnalysis;

namespace ParallelGen.Analyzers.Races.Windows;

/// <summary>What a storage path starts from.</summary>
internal enum RootKind
{
    /// <summary>A local or a parameter of the code that started the workers (workers capture it).</summary>
    Variable,

    /// <summary>A static field or property.</summary>
    Static,

    /// <summary>The object the code runs on (<c>this</c>).</summary>
    This,

    /// <summary>A parameter of a summarized method, replaced by the caller's argument.</summary>
    Parameter,
}

/// <summary>
/// A piece of storage two threads can both reach: a root (variable, static member, <c>this</c>, parameter) and a path
/// of members below it (<c>"Stats.Count"</c>); <c>"[]"</c> stands for the elements of an array or collection.
/// </summary>
internal readonly struct StorageKey : IEquatable<StorageKey>
{
    public StorageKey(RootKind kind, ISymbol? root, string path)
    {
        Kind = kind;
        Root = root;
        Path = path;
    }

    public RootKind Kind { get; }

    /// <summary>The variable, static member or parameter; null for <see cref="RootKind.This"/>.</summary>
    public ISymbol? Root { get; }

    /// <summary>Members below the root, dot-separated; empty for the root itself.</summary>
    public string Path { get; }

    public bool IsElement => Path.EndsWith("[]", StringComparison.Ordinal);

    public StorageKey Member(string name) => new(Kind, Root, Path.Length == 0 ? name : Path + "." + name);

    public StorageKey WithPrefix(StorageKey prefix) =>
        new(prefix.Kind, prefix.Root, Path.Length == 0 ? prefix.Path : prefix.Path.Length == 0 ? Path : prefix.Path + "." + Path);

    /// <summary>Whether a write of <paramref name="written"/> changes what an access of <paramref name="other"/> sees.</summary>
    public static bool Overlaps(StorageKey written, StorageKey other) =>
        written.Kind == other.Kind && SymbolEqualityComparer.Default.Equals(written.Root, other.Root)
        && (written.Path == other.Path || (!written.IsElement && other.Path.StartsWith(written.Path + ".", StringComparison.Ordinal))
            || (written.Path.Length == 0 && other.Path.Length > 0));

    /// <summary>Words for a message: "'x'", "'C.total'", "'stats.Count'", "the elements of 'buffer'".</summary>
    public string Describe()
    {
        var root = Kind switch
        {
            RootKind.This => "this",
            RootKind.Static when Root is not null => Root.ContainingType?.Name + "." + Root.Name,
            _ => Root?.Name ?? "?",
        };
        var path = Path.Length == 0 ? root : root + "." + Path;
        return path.EndsWith(".[]", StringComparison.Ordinal) ? $"the elements of '{path.Substring(0, path.Length - 3)}'" : $"'{path}'";
    }

    public bool Equals(StorageKey other) =>
        Kind == other.Kind && SymbolEqualityComparer.Default.Equals(Root, other.Root) && Path == other.Path;

    public override bool Equals(object? obj) => obj is StorageKey other && Equals(other);

    public override int GetHashCode() =>
        ((int)Kind * 397) ^ SymbolEqualityComparer.Default.GetHashCode(Root) ^ StringComparer.Ordinal.GetHashCode(Path);
}
