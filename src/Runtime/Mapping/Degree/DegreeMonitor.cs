using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace ParallelGen.Mapping.Degree;

/// <summary>A map whose degree is sampled every <see cref="DegreeMonitor.TickMilliseconds"/>.</summary>
internal interface IDegreeSampled
{
    /// <summary>One tick: the time (a <see cref="Stopwatch"/> timestamp) and the process's CPU time so far.</summary>
    void Tick(long timestamp, TimeSpan processCpu);
}

/// <summary>
/// Ticks the automatic degree of running maps of synchronous items, from one thread of its own: a timer of the thread
/// pool would wait behind the very blocking items it is meant to notice. The thread sleeps while no map is
/// registered and exits after a while without any.
/// </summary>
internal static class DegreeMonitor
{
    /// <summary>How often maps are sampled.</summary>
    public const int TickMilliseconds = 10;

    private const int IdleTicksBeforeExit = 1000;

    private static readonly List<IDegreeSampled> s_maps = [];
    private static bool s_running;

    /// <summary>Starts sampling <paramref name="map"/>.</summary>
    public static void Register(IDegreeSampled map)
    {
        bool start;
        lock (s_maps)
        {
            s_maps.Add(map);
            start = !s_running;
            s_running = true;
        }

        // A running monitor finds the map at its next tick (the first tick of a map only takes its baseline).
        if (start)
        {
            new Thread(Loop) { IsBackground = true, Name = "ParallelGen degree monitor" }.UnsafeStart();
        }
    }

    /// <summary>Stops sampling <paramref name="map"/>.</summary>
    public static void Unregister(IDegreeSampled map)
    {
        lock (s_maps)
        {
            s_maps.Remove(map);
        }
    }

    /// <summary>The CPU time this process has used.</summary>
    public static TimeSpan ProcessCpu()
    {
#if NET9_0_OR_GREATER
        return Environment.CpuUsage.TotalTime;
#else
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
#endif
    }

    private static void Loop()
    {
        var maps = new List<IDegreeSampled>();
        var idle = 0;
        while (true)
        {
            lock (s_maps)
            {
                if (s_maps.Count == 0)
                {
                    if (++idle > IdleTicksBeforeExit)
                    {
                        s_running = false;
                        return;
                    }
                }
                else
                {
                    idle = 0;
                }

                maps.Clear();
                maps.AddRange(s_maps);
            }

            if (maps.Count == 0)
            {
                Thread.Sleep(TickMilliseconds);
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            var cpu = ProcessCpu();
            foreach (var map in maps)
            {
                try
                {
                    map.Tick(now, cpu);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
                {
                    // A map that ended between the snapshot and the tick.
                }
            }

            Thread.Sleep(TickMilliseconds);
        }
    }
}
