namespace ParallelGen.Worker;

/// <summary>The worker host's entry point; everything else lives in the runtime (<c>ParallelGen.Processes.WorkerHost</c>).</summary>
internal static class Program
{
    private static int Main(string[] args) => ParallelGen.Processes.WorkerHost.Run(args);
}
