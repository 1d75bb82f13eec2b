using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>Round trips, application exceptions, refused messages: the delivery rules of issue 12 point 1 and 5.</summary>
[Collection("broker")]
public sealed class DeliveryTests(BrokerVhost vhost, ITestOutputHelper output) : IClassFixture<BrokerVhost>
{
    private readonly BrokerVhost _vhost = vhost;

    [BrokerFact]
    public async Task Results_come_back_in_input_order_from_two_workers()
    {
        var options = _vhost.Options();
        using var log = new ExecutionLog();
        using var a = WorkerProcess.Start(options, 2, log.Path);
        using var b = WorkerProcess.Start(options, 2, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await Task.WhenAll(a.WaitServingAsync(), b.WaitServingAsync());

        var items = Enumerable.Range(0, 200).Select(i => (i, i % 7)).ToArray();
        var (results, errors) = await BatchDriver.MapAsync(cluster, TestMethods.Sleep, items).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.All(errors, e => Assert.Null(e));
        Assert.Equal(items.Select(i => i.Item1 * 2), results.Cast<int>());
        var pids = log.Lines().Select(l => l.Split(' ')[1]).Distinct().Count();
        output.WriteLine($"200 items, {log.Lines().Length} executions on {pids} workers; {cluster.Statistics}");
        Assert.Equal(0, cluster.Statistics.DuplicatesDropped);
    }

    [BrokerFact]
    public async Task Application_exceptions_arrive_with_type_message_and_remote_stack_and_are_never_redelivered()
    {
        var options = _vhost.Options();
        using var log = new ExecutionLog();
        using var worker = WorkerProcess.Start(options, 2, log.Path);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();

        var wall = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await BatchDriver.MapAsync(cluster, TestMethods.Thrower, ["first", "second", "third"]).WaitAsync(TimeSpan.FromSeconds(60));
        var errors = outcome.Errors;
        wall.Stop();

        var error = Assert.IsType<InvalidOperationException>(errors[1]);
        Assert.Equal("second", error.Message);
        Assert.Contains("ThrowFromWorker", error.StackTrace, StringComparison.Ordinal);
        Assert.Contains("on worker", error.StackTrace, StringComparison.Ordinal);
        await Task.Delay(500);
        new Faults.FaultReport("application exceptions", 3, 0, 3, outcome.Lost, outcome.Duplicates, log.Lines().Length, Faults.Redelivery.Na("an application exception is a result, never redelivered"), wall.Elapsed, $"type, message and remote stack kept; {cluster.Statistics}").Publish(output);
        output.WriteLine($"stack:\n{error.StackTrace}");
        Assert.Equal(3, log.Lines().Length);
        Assert.Equal(0, outcome.Duplicates);
    }

    [BrokerFact]
    public async Task Malformed_and_unknown_messages_are_dead_lettered_with_a_reason_and_the_worker_lives_on()
    {
        var options = _vhost.Options();
        using var worker = WorkerProcess.Start(options, 2, null);
        await using var cluster = await RabbitMqExecutor.ConnectAsync(options);
        await worker.WaitServingAsync();

        var factory = new ConnectionFactory { Uri = _vhost.Uri };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            var properties = new BasicProperties { Persistent = true, ReplyTo = cluster.ReplyQueue };
            await channel.BasicPublishAsync(options.QueuePrefix + ".work", "intruder", false, properties, Encoding.UTF8.GetBytes("not a work message"));
            var unknown = new WireWriter();
            unknown.WriteByte(2);
            unknown.WriteString("M:System.IO.File.Delete(System.String)");
            unknown.WriteInt64(1);
            unknown.WriteInt32(0);
            unknown.WriteInt32(1);
            unknown.WriteInt64(0);
            unknown.WriteBoolean(false);
            unknown.WriteBytes(new byte[4]);
            await channel.BasicPublishAsync(options.QueuePrefix + ".work", "intruder", false, properties, unknown.WrittenMemory);

            var reasons = new System.Collections.Generic.List<string>();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (reasons.Count < 2 && DateTime.UtcNow < deadline)
            {
                var dead = await channel.BasicGetAsync(options.QueuePrefix + ".dead", autoAck: true);
                if (dead is null)
                {
                    await Task.Delay(100);
                    continue;
                }

                reasons.Add(Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["x-parallelgen-reason"]!));
            }

            output.WriteLine(string.Join("\n", reasons));
            Assert.Contains(reasons, r => r.StartsWith("malformed message", StringComparison.Ordinal));
            Assert.Contains(reasons, r => r.Contains("is not registered", StringComparison.Ordinal));
        }

        var (results, _) = await BatchDriver.MapAsync(cluster, TestMethods.Sleep, [(21, 0)]).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(42, results[0]);
        Assert.False(worker.HasExited);
    }

    [BrokerFact]
    public void A_method_that_is_not_registered_fails_before_anything_is_sent()
    {
        var options = _vhost.Options();
        var cluster = RabbitMqExecutor.ConnectAsync(options).GetAwaiter().GetResult();
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => cluster.EnsureCanRun(new Unregistered()));
            Assert.Contains("M:Tests.NotRegistered", error.Message, StringComparison.Ordinal);
            Assert.Throws<NotSupportedException>(() => cluster.Submit(_ => new ValueTask<int>(1)));
        }
        finally
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private sealed class Unregistered() : TestMethods.StaticMethod<int, int>("M:Tests.NotRegistered")
    {
        public override void WriteArguments(WireWriter writer, int item) => writer.WriteInt32(item);

        public override int ReadResult(WireReader reader) => reader.ReadInt32();

        public override ValueTask InvokeAsync(object? target, WireReader arguments, WireWriter result, System.Threading.CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
