namespace ParallelGen;

/// <summary>What a map does when a work item throws.</summary>
public enum ErrorMode
{
    /// <summary>The first failure stops the claiming of new items, cancels outstanding work and is rethrown to the caller.</summary>
    FailFast = 0,

    /// <summary>Every item runs; failures are collected and reported per index.</summary>
    Collect = 1,
}
