using System;
using ParallelGen.RabbitMQ.Transport;

namespace ParallelGen.RabbitMQ.Tests;

/// <summary>Credentials and TLS from options or the environment; never in a log line. No broker needed.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void Credentials_come_from_options_before_the_uri_and_ToString_never_shows_them()
    {
        var options = new RabbitMqOptions { Uri = new Uri("amqp://uriuser:uripass@broker.example:5673/apps"), UserName = "alice", Password = "s3cret-pw" };
        var factory = Connections.Factory(options, "test");
        Assert.Equal("alice", factory.UserName);
        Assert.Equal("s3cret-pw", factory.Password);
        var text = options.ToString();
        Assert.DoesNotContain("s3cret-pw", text, StringComparison.Ordinal);
        Assert.DoesNotContain("uripass", text, StringComparison.Ordinal);
        Assert.Contains("broker.example:5673", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amqps_uri_or_UseTls_turns_TLS_on_with_the_hosts_name()
    {
        var factory = Connections.Factory(new RabbitMqOptions { Uri = new Uri("amqps://broker.example/") }, "test");
        Assert.True(factory.Ssl.Enabled);
        Assert.Equal("broker.example", factory.Ssl.ServerName);
        Assert.Equal(5671, factory.Port);

        var explicitTls = Connections.Factory(new RabbitMqOptions { Uri = new Uri("amqp://10.0.0.5/"), UseTls = true, TlsServerName = "rabbit.internal" }, "test");
        Assert.True(explicitTls.Ssl.Enabled);
        Assert.Equal("rabbit.internal", explicitTls.Ssl.ServerName);

        Assert.False(Connections.Factory(new RabbitMqOptions { Uri = new Uri("amqp://localhost/") }, "test").Ssl.Enabled);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RabbitMqOptions { DeliveryLimit = 0 }.Validate());
        Assert.Equal("DeliveryLimit", error.ParamName);
        Assert.Throws<ArgumentException>(() => new RabbitMqOptions { QueuePrefix = " " }.Validate());
    }
}
