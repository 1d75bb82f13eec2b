using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ParallelGen.Shared;

namespace ParallelGen.Analyzers.Races;

/// <summary>The well-known types the race rules look for, resolved once per compilation. Any of them may be null.</summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation)
    {
        ParallelizableAttribute = compilation.GetTypeByMetadataName(ParallelizableNames.AttributeMetadataName);
        Executor = compilation.GetTypeByMetadataName("ParallelGen.IExecutor");
        GeneratedSupport = compilation.GetTypeByMetadataName("ParallelGen.Infrastructure.GeneratedSupport");
        WorkBody = compilation.GetTypeByMetadataName("ParallelGen.Infrastructure.WorkBody`2");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        ParallelEnumerable = compilation.GetTypeByMetadataName("System.Linq.ParallelEnumerable");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
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
        ReaderWriterLock = compilation.GetTypeByMetadataName("System.Threading.ReaderWriterLock");
        EventWaitHandle = compilation.GetTypeByMetadataName("System.Threading.EventWaitHandle");
        ManualResetEventSlim = compilation.GetTypeByMetadataName("System.Threading.ManualResetEventSlim");
        CountdownEvent = compilation.GetTypeByMetadataName("System.Threading.CountdownEvent");
        Barrier = compilation.GetTypeByMetadataName("System.Threading.Barrier");
        Semaphore = compilation.GetTypeByMetadataName("System.Threading.Semaphore");
        TaskCompletionSource = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource");
        TaskCompletionSourceOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource`1");
        CollectionExtensions = compilation.GetTypeByMetadataName("System.Collections.Generic.CollectionExtensions");
        Futures = compilation.GetTypeByMetadataName("ParallelGen.Futures");
        Future = compilation.GetTypeByMetadataName("ParallelGen.Future`1");

        MutableCollections = Resolve(compilation, ThreadSafetyTable.NotThreadSafe);
        KeyedCollections = Resolve(compilation, ThreadSafetyTable.Keyed);
        ThreadSafeCollections = Resolve(compilation, ThreadSafetyTable.ThreadSafe);
        Sets = Resolve(compilation, ThreadSafetyTable.Sets);
    }

    public INamedTypeSymbol? ParallelizableAttribute { get; }
    public INamedTypeSymbol? Executor { get; }
    public INamedTypeSymbol? GeneratedSupport { get; }
    public INamedTypeSymbol? WorkBody { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? ParallelEnumerable { get; }

    /// <summary>System.Linq.Enumerable: its operators that return a value or a new collection read the source at once.</summary>
    public INamedTypeSymbol? Enumerable { get; }
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
    public INamedTypeSymbol? ReaderWriterLock { get; }
    public INamedTypeSymbol? EventWaitHandle { get; }
    public INamedTypeSymbol? ManualResetEventSlim { get; }
    public INamedTypeSymbol? CountdownEvent { get; }
    public INamedTypeSymbol? Barrier { get; }
    public INamedTypeSymbol? Semaphore { get; }
    public INamedTypeSymbol? TaskCompletionSource { get; }
    public INamedTypeSymbol? TaskCompletionSourceOfT { get; }
    public INamedTypeSymbol? CollectionExtensions { get; }
    public INamedTypeSymbol? Futures { get; }
    public INamedTypeSymbol? Future { get; }

    /// <summary>Original definitions of the collections and builders that are not safe to change from several threads.</summary>
    public ImmutableHashSet<INamedTypeSymbol> MutableCollections { get; }

    /// <summary>Original definitions of the collections indexed by key.</summary>
    public ImmutableHashSet<INamedTypeSymbol> KeyedCollections { get; }

    /// <summary>Original definitions of the set interfaces (their items are distinct).</summary>
    public ImmutableHashSet<INamedTypeSymbol> Sets { get; }

    /// <summary>Original definitions of the thread-safe collections.</summary>
    public ImmutableHashSet<INamedTypeSymbol> ThreadSafeCollections { get; }

    private static ImmutableHashSet<INamedTypeSymbol> Resolve(Compilation compilation, string[] names)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Whether a member of a not-thread-safe collection by this name changes it.</summary>
    public static bool IsMutatingMember(string name) => ThreadSafetyTable.MutatingMembers.Contains(name);

    /// <summary>Whether <paramref name="type"/> is (or derives from, or implements) a collection from <paramref name="set"/>.</summary>
    public static bool IsIn(ITypeSymbol? type, ImmutableHashSet<INamedTypeSymbol> set)
    {
        if (type is null)
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t is INamedTypeSymbol named && set.Contains(named.OriginalDefinition))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (set.Contains(implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

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

    /// <summary>Whether <paramref name="type"/> is one of the thread-safe collections of <see cref="ThreadSafetyTable.ThreadSafe"/>.</summary>
    public bool IsConcurrentCollection(ITypeSymbol? type) => IsIn(type, ThreadSafeCollections);

    /// <summary>Whether <paramref name="type"/> is indexed by key (a dictionary), by symbol.</summary>
    public bool IsKeyed(ITypeSymbol? type) => IsIn(type, KeyedCollections);

    public static HashSet<string> NewSet(params string[] names) => new(names, System.StringComparer.Ordinal);
}
