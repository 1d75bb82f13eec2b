using ParallelGen.Mapping.Degree;

namespace ParallelGen.Tests.Degree;

/// <summary>Issue 14, point 1: the automatic degree's decisions, fed synthetic samples (no clock, no threads).</summary>
public class DegreeControllerTests
{
    private const double Tick = 0.01;

    [Fact]
    public void Blocking_items_with_the_cpu_idle_raise_the_degree_in_proportion_to_the_unused_cores()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);

        // Both workers busy, nothing finished, no CPU used: the items block. All of the machine is unused: double.
        Assert.Equal(4, controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: 2, WorkLeft: true)));
        Assert.Equal(8, controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: 4, WorkLeft: true)));
    }

    [Fact]
    public void Cpu_bound_items_keep_the_degree_at_the_cores()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(2, controller.Step(new DegreeSample(Tick, 2 * Tick, Completed: 10, Busy: 2, WorkLeft: true)));
        }
    }

    [Fact]
    public void A_rise_that_does_not_raise_throughput_is_taken_back_and_the_next_attempt_waits()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);

        // Half the CPU unused (another process takes it), items finishing: the controller tries one more worker.
        Assert.Equal(3, controller.Step(new DegreeSample(Tick, 1 * Tick, Completed: 10, Busy: 2, WorkLeft: true)));

        // Throughput the same with three: back to two, and no new attempt on the next tick.
        Assert.Equal(2, controller.Step(new DegreeSample(Tick, 1 * Tick, Completed: 10, Busy: 3, WorkLeft: true)));
        Assert.Equal(2, controller.Step(new DegreeSample(Tick, 1 * Tick, Completed: 10, Busy: 2, WorkLeft: true)));
    }

    [Fact]
    public void A_rise_that_raises_throughput_is_kept()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);
        Assert.Equal(3, controller.Step(new DegreeSample(Tick, 1 * Tick, Completed: 10, Busy: 2, WorkLeft: true)));
        Assert.Equal(4, controller.Step(new DegreeSample(Tick, 1.5 * Tick, Completed: 15, Busy: 3, WorkLeft: true)));
    }

    [Fact]
    public void The_degree_never_passes_the_cap()
    {
        var controller = new DegreeController(initial: 2, cap: 5, cores: 2);
        for (var i = 0; i < 20; i++)
        {
            Assert.InRange(controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: controller.Degree, WorkLeft: true)), 1, 5);
        }

        Assert.Equal(5, controller.Degree);
        Assert.Equal(0, controller.OnAwait(running: 5, unclaimed: 100));
    }

    [Fact]
    public void Nothing_left_to_claim_or_idle_workers_raise_nothing()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);
        Assert.Equal(2, controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: 2, WorkLeft: false)));
        Assert.Equal(2, controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: 1, WorkLeft: true)));
        Assert.Equal(0, controller.OnAwait(running: 2, unclaimed: 0));
    }

    [Fact]
    public void Saturated_cpu_with_more_workers_than_cores_and_no_gain_gives_workers_back()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);
        controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: 2, WorkLeft: true));
        controller.Step(new DegreeSample(Tick, 0, Completed: 0, Busy: 4, WorkLeft: true));
        var raised = controller.Degree;
        Assert.True(raised > 2);

        // Now the items use the CPU fully and throughput stays flat: the degree comes down one a tick, not below the cores.
        for (var i = 0; i < 100; i++)
        {
            controller.Step(new DegreeSample(Tick, 2 * Tick, Completed: 10, Busy: controller.Degree, WorkLeft: true));
        }

        Assert.Equal(2, controller.Degree);
    }

    [Fact]
    public void An_await_adds_a_worker_for_each_unclaimed_item_within_the_cap()
    {
        var controller = new DegreeController(initial: 2, cap: 1024, cores: 2);
        Assert.Equal(100, controller.OnAwait(running: 2, unclaimed: 100));
        Assert.Equal(102, controller.Degree);
        Assert.Equal(924, controller.OnAwait(running: 100, unclaimed: long.MaxValue));
        Assert.Equal(1024, controller.Degree);
        Assert.Equal(1, controller.OnAwait(running: 4, unclaimed: 1));
        Assert.Equal(1, controller.OnAwait(running: 1023, unclaimed: 100));
        Assert.Equal(0, controller.OnAwait(running: 1024, unclaimed: 100));
    }
}
