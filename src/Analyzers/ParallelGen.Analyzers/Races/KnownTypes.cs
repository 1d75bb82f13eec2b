using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.Races;

/// <summary>The well-known types the race rules look for, resolved once per compilation. Any of them may be null.</summary>
internal sealed class KnownTypes
{
    private static readonly string[] s_mutableCollectionNames =
    {
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.PriorityQueue`2",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.ISet`1",
        "System.Collections.ArrayList",
        "System.Collections.Hashtable",
        "System.Collections.Queue",
        "System.Collections.Stack",
        "System.Collections.SortedList",
        "System.Collections.BitArray",
        "System.Collections.ObjectModel.Collection`1",
        "System.Collections.ObjectModel.ObservableCollection`1",
        "System.Text.StringBuilder",
    };

    private KnownTypes(Compilation compilation)
    {
        ParallelizableAttribute = compilation.GetTypeByMetadataName(ParallelizableNames.AttributeMetadataName);
        Executor = compilation.GetTypeByMetadataName("ParallelGen.IExecutor");
        GeneratedSupport = compilation.GetTypeByMetadataName("ParallelGen.Infrastructure.GeneratedSupport");
        WorkBody = compilation.GetTypeByMetadataName("ParallelGen.Infrastructure.WorkBody`2");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        ParallelEnumerable = compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        TaskFactory = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory");
        TaskFactoryOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskFactory`1");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        ThreadPool = compilation.GetTypeByMetadataName("System.Threading.ThreadPool");
        Interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
        Volatile = compilation.GetTypeByMetadataName("System.Threading.Volatile");
        ImmutableInterlocked = compilation.GetTypeByMetadataName("System.Collections.Immutable.ImmutableInterlocked");
        LazyInitializer = compilation.GetTypeByMetadataName("System.Threading.LazyInitializer");
        Monitor = compilation.GetTypeByMetadataName("System.Threading.Monitor");
        Lock = compilation.GetTypeByMetadataName("System.Threading.Lock");
        SemaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
        WaitHandle = compilation.GetTypeByMetadataName("System.Threading.WaitHandle");
        Mutex = compilation.GetTypeByMetadataName("System.Threading.Mutex");
        SpinLock = compilation.GetTypeByMetadataName("System.Threading.SpinLock");
        ReaderWriterLockSlim = compilation.GetTypeByMetadataName("System.Threading.ReaderWriterLockSlim");
        ThreadLocal = compilation.GetTypeByMetadataName("System.Threading.ThreadLocal`1");
        AsyncLocal = compilation.GetTypeByMetadataName("System.Threading.AsyncLocal`1");
        ThreadStaticAttribute = compilation.GetTypeByMetadataName("System.ThreadStaticAttribute");
        Random = compilation.GetTypeByMetadataName("System.Random");
        Lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
        Lazy2 = compilation.GetTypeByMetadataName("System.Lazy`2");
        ConcurrentDictionary = compilation.GetTypeByMetadataName("System.Collections.Concurrent.ConcurrentDictionary`2");

        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in s_mutableCollectionNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        MutableCollections = builder.ToImmutable();
    }

    public INamedTypeSymbol? ParallelizableAttribute { get; }
    public INamedTypeSymbol? Executor { get; }
    public INamedTypeSymbol? GeneratedSupport { get; }
    public INamedTypeSymbol? WorkBody { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? ParallelEnumerable { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? TaskFactoryOfT { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? ThreadPool { get; }
    public INamedTypeSymbol? Interlocked { get; }
    public INamedTypeSymbol? Volatile { get; }
    public INamedTypeSymbol? ImmutableInterlocked { get; }
    public INamedTypeSymbol? LazyInitializer { get; }
    public INamedTypeSymbol? Monitor { get; }
    public INamedTypeSymbol? Lock { get; }
    public INamedTypeSymbol? SemaphoreSlim { get; }
    public INamedTypeSymbol? WaitHandle { get; }
    public INamedTypeSymbol? Mutex { get; }
    public INamedTypeSymbol? SpinLock { get; }
    public INamedTypeSymbol? ReaderWriterLockSlim { get; }
    public INamedTypeSymbol? ThreadLocal { get; }
    public INamedTypeSymbol? AsyncLocal { get; }
    public INamedTypeSymbol? ThreadStaticAttribute { get; }
    public INamedTypeSymbol? Random { get; }
    public INamedTypeSymbol? Lazy { get; }
    public INamedTypeSymbol? Lazy2 { get; }
    public INamedTypeSymbol? ConcurrentDictionary { get; }

    /// <summary>Original definitions of the collections and builders that are not safe to change from several threads.</summary>
    public ImmutableHashSet<INamedTypeSymbol> MutableCollections { get; }

    public static KnownTypes Create(Compilation compilation) => new(compilation);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        for (var t = type; t is not null && known is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is (or derives from) a collection or builder that is not thread-safe; arrays count.</summary>
    public bool IsMutableCollection(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t is INamedTypeSymbol named && MutableCollections.Contains(named.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsParallelizable(ISymbol? symbol) => ParallelizableData(symbol) is not null;

    public AttributeData? ParallelizableData(ISymbol? symbol)
    {
        if (symbol is not IMethodSymbol method || ParallelizableAttribute is null)
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ParallelizableAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsThreadStatic(IFieldSymbol field)
    {
        if (ThreadStaticAttribute is null)
        {
            return false;
        }

        foreach (var attribute in field.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ThreadStaticAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types whose ref-taking methods are atomic or publish safely (Interlocked, Volatile, ImmutableInterlocked, LazyInitializer).</summary>
    public bool IsAtomicHelper(ITypeSymbol? type) =>
        Is(type, Interlocked) || Is(type, Volatile) || Is(type, ImmutableInterlocked) || Is(type, LazyInitializer)
        || (type?.Name == "Thread" && Is(type, Thread));

    public static bool IsConcurrentCollection(ITypeSymbol? type) =>
        type?.ContainingNamespace?.ToDisplayString() == "System.Collections.Concurrent";

    public static HashSet<string> NewSet(params string[] names) => new(names, System.StringComparer.Ordinal);
}
