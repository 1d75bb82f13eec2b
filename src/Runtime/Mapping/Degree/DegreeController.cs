using System;

namespace ParallelGen.Mapping.Degree;

/// <summary>
/// Decides the degree of a map that asks for none (see docs/design/auto-degree.md). It starts at the core count and
/// changes only on evidence, fed to it as numbers (no clock, no threads), so each decision can be tested alone:
/// <list type="bullet">
/// <item>An item that awaits (<see cref="OnAwait"/>) leaves its thread free, so the other items may start at once:
/// awaiting items cost no thread, and their CPU parts still run on the thread pool, which bounds them at the cores.</item>
/// <item>Synchronous items are sampled every tick (<see cref="Step"/>): while every worker is busy, work is left and
/// the process leaves at least half a core unused, the items must be blocking, so the degree rises in proportion
/// to the unused CPU. A rise that did not raise throughput is taken back (hill climbing, as the .NET thread pool's
/// own <c>HillClimbing</c> does on its thread count), and further rises wait twice as long each time.</item>
/// </list>
/// The degree stays within 1 and <see cref="Cap"/>.
/// </summary>
internal sealed class DegreeController
{
    /// <summary>The default cap of an automatic degree (<see cref="MapOptions.MaxAutoDegree"/> of 0).</summary>
    public const int DefaultCap = 1024;

    /// <summary>A rise must raise throughput by this share to be kept.</summary>
    private const double Gain = 0.05;

    private readonly int _cores;
    private int _degree;
    private int _previousDegree;
    private double _previousThroughput = -1;
    private bool _probing;
    private int _backOff;
    private int _backOffTicks = 1;

    /// <summary>Creates a controller.</summary>
    /// <param name="initial">The degree to start at (the core count, at most the cap).</param>
    /// <param name="cap">The highest degree.</param>
    /// <param name="cores">The machine's cores.</param>
    public DegreeController(int initial, int cap, int cores)
    {
        Cap = Math.Max(1, cap);
        _cores = Math.Max(1, cores);
        _degree = Math.Clamp(initial, 1, Cap);
        _previousDegree = _degree;
    }

    /// <summary>The highest degree.</summary>
    public int Cap { get; }

    /// <summary>The degree decided so far.</summary>
    public int Degree => _degree;

    /// <summary>
    /// An item of an asynchronous body awaited. Returns how many workers to add: enough for one worker per unclaimed
    /// item, within the cap. An await is the evidence that items wait; every worker added is only a continuation
    /// waiting for its item, and the items' CPU parts still run on the thread pool, bounded by the cores. A ramp in
    /// steps (half the running workers per await) only delayed the degree a map of waits needs: 1,000 awaits of 20 ms
    /// ran at 74-94% of the best fixed degree while the degree climbed. Workers that find nothing left exit at once.
    /// </summary>
    /// <param name="running">Workers running now.</param>
    /// <param name="unclaimed">Items not yet claimed (a lower bound; <see cref="long.MaxValue"/> when unknown).</param>
    public int OnAwait(int running, long unclaimed)
    {
        if (unclaimed <= 0 || running >= Cap)
        {
            return 0;
        }

        var add = (int)Math.Min(Cap - running, unclaimed);
        _degree = Math.Max(_degree, running + add);
        return add;
    }

    /// <summary>One tick of a map of synchronous items; returns the degree the map should have from now on.</summary>
    public int Step(in DegreeSample sample)
    {
        if (sample.ElapsedSeconds <= 0)
        {
            return _degree;
        }

        var throughput = sample.Completed / sample.ElapsedSeconds;
        var cpu = sample.CpuSeconds / sample.ElapsedSeconds;
        var spare = _cores - cpu;
        var previous = _previousThroughput;
        if (_probing)
        {
            // The last tick raised the degree: keep the rise only if it paid. Items that were all still running
            // (nothing completed before or after) give no evidence against it.
            _probing = false;
            var stuck = sample.Completed == 0 && previous <= 0;
            if (!stuck && throughput < previous * (1 + Gain))
            {
                _degree = _previousDegree;
                _backOffTicks = Math.Min(_backOffTicks * 2, 64);
                _backOff = _backOffTicks;
                _previousThroughput = throughput;
                return _degree;
            }

            _backOffTicks = 1;
        }

        _previousThroughput = throughput;
        if (_backOff > 0)
        {
            _backOff--;
            return _degree;
        }

        if (sample.WorkLeft && sample.Busy >= _degree && spare >= 0.5 && _degree < Cap)
        {
            // Blocking items: workers busy, CPU unused. Grow by the unused share of the machine, at least one.
            var grow = Math.Max(1, (int)Math.Round(_degree * spare / _cores));
            _previousDegree = _degree;
            _degree = Math.Min(Cap, _degree + grow);
            _probing = true;
        }
        else if (spare < 0.25 && _degree > _cores && sample.Busy >= _degree && throughput <= previous)
        {
            // The CPU is saturated and more workers than cores no longer help: give one back.
            _degree--;
        }

        return _degree;
    }
}
