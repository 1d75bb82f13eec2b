using System.Globalization;
using System.Runtime.InteropServices;

namespace ParallelGen.Benchmarks.Harness;

/// <summary>
/// Gives every thread of the process the same scheduling priority. On Linux, nice is per thread, and BenchmarkDotNet
/// raises only its main thread (to nice -11): on a loaded machine a sequential loop on that thread would then outrun
/// the pool threads of the parallel contenders. Called at the end of every suite's setup, it lifts every thread to
/// the best priority any thread has (bench/run starts the process at nice -20 when allowed); threads created later
/// inherit it from their creators.
/// </summary>
public static class Priority
{
    private const int PrioProcess = 0;

    /// <summary>Sets every thread's nice to the lowest (most favoured) nice among them.</summary>
    public static void Equalize()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            var threads = Directory.GetDirectories("/proc/self/task").Select(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)).ToArray();
            var best = threads.Min(NiceOf);
            foreach (var thread in threads)
            {
                _ = setpriority(PrioProcess, thread, best);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DllNotFoundException or FormatException)
        {
            // Best effort: without it the run is still correct, only less fair under load.
        }
    }

    /// <summary>The nice value of every thread, for the run's record.</summary>
    public static string Describe() =>
        OperatingSystem.IsLinux()
            ? string.Join(",", Directory.GetDirectories("/proc/self/task").Select(d => NiceOf(int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture))).Distinct())
            : "n/a";

    // /proc/self/task/<tid>/stat: field 19 is nice (fields counted after the parenthesised command name).
    private static int NiceOf(int thread)
    {
        var stat = File.ReadAllText($"/proc/self/task/{thread}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], CultureInfo.InvariantCulture);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setpriority(int which, int who, int priority);
}
