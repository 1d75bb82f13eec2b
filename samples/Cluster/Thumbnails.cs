using System;
using System.Threading;
using ParallelGen;

namespace Cluster;

/// <summary>The work: an ordinary [Parallelizable] method. Nothing here knows about RabbitMQ.</summary>
public static partial class Thumbnails
{
    /// <summary>Pretends to render a thumbnail (about 50 ms of work) and says which worker process did it.</summary>
    [Parallelizable]
    public static string Render(string path, int width)
    {
        Thread.Sleep(50);
        return $"{path} -> {width}px by process {Environment.ProcessId}";
    }
}
