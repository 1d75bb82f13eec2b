using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests.Faults;

/// <summary>Graceful shutdown, item timeouts, and a blocked broker that the watchdog gets past.</summary>
[Collection("broker")]
public sealed class WorkerLifecycleTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task A_worker_stopped_with_SIGTERM_finishes_its_running_items_and_loses_nothing()
    {
        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var leaving = WorkerProcess.Start(options, 4, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await leaving.WaitServingAsync();
        var items = Enumerable.Range(0, 60).Select(i => (i, 300)).ToArray();
        var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 1, outstanding: 60);
        while (log.Lines().Length < 4)
        {
            await Task.Delay(20);
        }

        var wall = Stopwatch.StartNew();
        var stopped = Stopwatch.StartNew();
        var termAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.True(leaving.Stop(TimeSpan.FromSeconds(60)), "the worker exits after finishing its items");
        stopped.Stop();
        using var staying = WorkerProcess.Start(options, 4, log.Path);
        var outcome = await map.WaitAsync(TimeSpan.FromSeconds(120));
        var (results, errors) = outcome;
        wall.Stop();
        var executions = FaultReport.Parse(log.Lines());
        var delay = FaultReport.AfterWorkerFaults(executions, new Dictionary<int, long> { [leaving.Id] = termAt });
        if (delay.NotApplicable is not null)
        {
            delay = Redelivery.Na("a graceful stop interrupts nothing: its running items finished, the ones it had not started went back unrun");
        }

        var failed = errors.Count(e => e is not null);
        new FaultReport("worker stopped gracefully (SIGTERM)", items.Length, items.Length - failed, failed, outcome.Lost, outcome.Duplicates, executions.Count, delay, wall.Elapsed,
            $"by the stopped worker {executions.Count(e => e.Pid == leaving.Id)}, stop took {stopped.ElapsedMilliseconds} ms; {cluster.Statistics}").Publish(output);
        Assert.Equal(0, outcome.Duplicates);
        Assert.All(errors, e => Assert.Null(e));
        Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
        Assert.Contains("stopped after", leaving.Log, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Statistics.DuplicatesDropped);
    }

    [BrokerFact]
    public async Task An_item_past_its_timeout_fails_with_TimeoutException_and_the_others_complete()
    {
        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var worker = WorkerProcess.Start(options, 2, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();
        (int, int)[] items = [(1, 10), (2, 30_000), (3, 10)];
        var wall = Stopwatch.StartNew();
        var outcome = await BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 1, itemTimeout: TimeSpan.FromMilliseconds(500)).WaitAsync(TimeSpan.FromSeconds(60));
        var (results, errors) = outcome;
        wall.Stop();
        await Task.Delay(500);
        new FaultReport("item timeout (500 ms)", items.Length, 2, 1, outcome.Lost, outcome.Duplicates, log.Lines().Length, Redelivery.Na("a late item fails with TimeoutException; it is not redelivered"), wall.Elapsed, $"{errors[1]?.Message}; {cluster.Statistics}").Publish(output);
        Assert.Equal(0, outcome.Duplicates);
        Assert.Equal(3, log.Lines().Length);
        Assert.Equal(2, results[0]);
        Assert.Equal(6, results[2]);
        Assert.IsType<TimeoutException>(errors[1]);
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(20));
    }

    [BrokerFact]
    public async Task Publishes_blocked_by_the_broker_are_restarted_by_the_watchdog_and_nothing_is_lost()
    {
        if (vhost.Name is null)
        {
            output.WriteLine("rabbitmqctl is not usable here: the broker cannot be made to block publishers.");
            return;
        }

        var options = vhost.Options();
        options.WatchdogTimeout = TimeSpan.FromSeconds(3);
        using var log = new ExecutionLog();
        using var worker = WorkerProcess.Start(options, 4, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();
        var items = Enumerable.Range(0, 50).Select(i => (i, 0)).ToArray();

        // A memory alarm makes the broker stop reading from publishing connections: confirms never come.
        Assert.NotNull(Broker.Ctl("set_vm_memory_high_watermark", "0.0000001"));
        try
        {
            var wall = Stopwatch.StartNew();
            var map = BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 5);
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.False(map.IsCompleted);
            Assert.NotNull(Broker.Ctl("set_vm_memory_high_watermark", "0.4"));
            var outcome = await map.WaitAsync(TimeSpan.FromSeconds(120));
            var (results, errors) = outcome;
            wall.Stop();
            var failed = errors.Count(e => e is not null);
            new FaultReport("publishes blocked by the broker (memory alarm 8 s)", items.Length, items.Length - failed, failed, outcome.Lost, outcome.Duplicates, log.Lines().Length, Redelivery.Na("no item was interrupted: publishes not confirmed in time were sent again on a fresh connection; the extra executions are those copies, dropped at the caller"), wall.Elapsed, cluster.Statistics.ToString()).Publish(output);
            Assert.Equal(0, outcome.Duplicates);
            Assert.All(errors, e => Assert.Null(e));
            Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
            Assert.True(cluster.Statistics.WatchdogRestarts > 0, "the watchdog dropped the stuck connection");
        }
        finally
        {
            Broker.Ctl("set_vm_memory_high_watermark", "0.4");
        }
    }
}

/// <summary>Starting N workers of an app with one command and no worker program, as <c>celery -A app worker</c>.</summary>
[Collection("broker")]
public sealed class WorkerHostTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    [BrokerFact]
    public async Task The_package_host_with_processes_3_serves_from_three_processes_and_stops_them_all_on_SIGTERM()
    {
        var options = vhost.Options();
        using var log = new ExecutionLog();
        using var host = WorkerProcess.Start(options, 1, log.Path, processes: 3);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        var items = Enumerable.Range(0, 60).Select(i => (i, 100)).ToArray();
        var (results, errors) = await BatchDriver.MapAsync(cluster, TestMethods.Sleep, items, chunk: 1, outstanding: 60).WaitAsync(TimeSpan.FromSeconds(120));
        var pids = FaultReport.Parse(log.Lines()).Select(e => e.Pid).Distinct().ToArray();
        output.WriteLine($"--processes 3: 60 items served by worker processes {string.Join(", ", pids)} (host {host.Id})");
        Assert.All(errors, e => Assert.Null(e));
        Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
        Assert.Equal(3, pids.Length);
        Assert.DoesNotContain(host.Id, pids);

        Assert.True(host.Stop(TimeSpan.FromSeconds(60)), "the host exits once its workers have");
        foreach (var pid in pids)
        {
            Assert.True(HasExited(pid), $"worker process {pid} stopped with its host");
        }
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
