using System;
using System.Globalization;

namespace ParallelGen.RabbitMQ.Transport;

/// <summary>Connection and worker events, one line each on standard error when <c>PARALLELGEN_RABBITMQ_LOG=1</c>
/// (workers started by <see cref="Hosting.WorkerEntryPoint"/> always log). Never given credentials.</summary>
internal static class Log
{
    public static bool Enabled { get; set; } = Environment.GetEnvironmentVariable("PARALLELGEN_RABBITMQ_LOG") == "1";

    public static void Write(string message)
    {
        if (Enabled)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[parallelgen.rabbitmq {Environment.ProcessId} {DateTime.UtcNow:HH:mm:ss.fff}] {message}"));
        }
    }
}
