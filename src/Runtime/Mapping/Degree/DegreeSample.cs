namespace ParallelGen.Mapping.Degree;

/// <summary>What a map of synchronous items did during one tick of its <see cref="DegreeController"/>.</summary>
/// <param name="ElapsedSeconds">The tick's length.</param>
/// <param name="CpuSeconds">CPU time the process used during the tick.</param>
/// <param name="Completed">Items finished during the tick.</param>
/// <param name="Busy">Workers running at the end of the tick.</param>
/// <param name="WorkLeft">Whether items were left to claim at the end of the tick.</param>
internal readonly record struct DegreeSample(double ElapsedSeconds, double CpuSeconds, long Completed, int Busy, bool WorkLeft);
