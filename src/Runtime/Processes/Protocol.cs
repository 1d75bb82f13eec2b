namespace ParallelGen.Processes;

/// <summary>The kinds of frame on a worker's socket.</summary>
internal enum FrameType : byte
{
    /// <summary>Worker to parent, first frame: magic, protocol version, the pool's secret, the worker's pid.</summary>
    Hello = 1,

    /// <summary>Worker to parent: assemblies loaded, initializer run (its failure, if any, as exception data).</summary>
    Ready = 2,

    /// <summary>Parent to worker: a batch of items of one method.</summary>
    Batch = 3,

    /// <summary>Parent to worker: cancel one running item (or a whole batch).</summary>
    Cancel = 4,

    /// <summary>Worker to parent: the outcomes of a run of consecutive items of a batch.</summary>
    ItemsDone = 5,

    /// <summary>Worker to parent: the process is exiting with this code (tells <c>exit(137)</c> from SIGKILL).</summary>
    Goodbye = 6,

    /// <summary>Parent to worker: finish and exit.</summary>
    Shutdown = 7,
}

/// <summary>The outcome of one item on the wire.</summary>
internal enum ItemStatus : byte
{
    /// <summary>The payload is the result.</summary>
    Succeeded = 0,

    /// <summary>The payload is the exception as data.</summary>
    Failed = 1,

    /// <summary>The item was cancelled before it started (no payload).</summary>
    Canceled = 2,
}

/// <summary>The wire protocol's constants: one source for both ends.</summary>
internal static class Protocol
{
    /// <summary>The version both ends must speak; a worker of another version is refused at the handshake.</summary>
    public const int Version = 1;

    /// <summary>"PGW1", the first four bytes of a Hello payload.</summary>
    public const int Magic = 0x31574750;

    /// <summary>Bytes of the per-pool secret.</summary>
    public const int SecretLength = 32;

    /// <summary>The largest Hello a parent reads before it knows the peer (magic, version, secret, pid).</summary>
    public const int MaxHelloBytes = 256;

    /// <summary>The environment variable that hands the secret to a worker (readable only by the same user, unlike the command line).</summary>
    public const string SecretVariable = "PARALLELGEN_WORKER_SECRET";

    /// <summary>Test hook read by the worker host: makes it misbehave on the wire (garbage, oversized, truncated, wrongsecret).</summary>
    public const string FaultVariable = "PARALLELGEN_TEST_WORKER_FAULT";

    /// <summary>Cancel-frame position meaning the whole batch.</summary>
    public const int WholeBatch = -1;
}
