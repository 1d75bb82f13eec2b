using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using ParallelGen.Processes;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class ProtocolTests
{
    [Fact]
    public void Random_and_truncated_and_oversized_frames_only_ever_raise_InvalidDataException()
    {
        var random = new Random(7);
        for (var k = 0; k < 300; k++)
        {
            var bytes = new byte[random.Next(4, 200)];
            random.NextBytes(bytes);
            if (k % 3 == 0)
            {
                bytes[0] = (byte)random.Next(0, 20);
                bytes[1] = bytes[2] = bytes[3] = 0;
            }

            var (reader, writer) = Pair();
            using (reader)
            using (writer)
            {
                writer.Send(bytes);
                writer.Shutdown(SocketShutdown.Send);
                using var channel = new FrameChannel(reader, 1024);
                try
                {
                    while (channel.TryReceive(out _, out _))
                    {
                    }
                }
                catch (InvalidDataException)
                {
                }
            }
        }
    }

    [Theory(Timeout = 120_000)]
    [InlineData("garbage")]
    [InlineData("oversized")]
    [InlineData("truncated")]
    public async Task A_worker_sending_a_malformed_frame_fails_only_its_items(string fault)
    {
        var options = new ProcessPoolOptions { Workers = 1 };
        options.WorkerEnvironment[Protocol.FaultVariable] = fault;
        await using var pool = new ProcessPoolExecutor(options);
        var sink = await PoolHarness.BehaveAsync(pool, "ok:1", "ok:2");
        Assert.Contains("malformed", Assert.IsType<WorkerCrashedException>(sink.Error(0)).Message);
        Assert.IsType<WorkerCrashedException>(sink.Error(1));
        await pool.ShutdownAsync();
    }

    [Fact(Timeout = 60_000)]
    public async Task A_worker_with_the_wrong_secret_is_dropped_and_the_parent_lives()
    {
        var options = new ProcessPoolOptions { Workers = 1 };
        options.WorkerEnvironment[Protocol.FaultVariable] = "wrongsecret";
        await using var pool = new ProcessPoolExecutor(options);
        var refused = await Assert.ThrowsAsync<WorkerCrashedException>(() => pool.StartAsync());
        Assert.Contains("wrong secret", refused.Message);
        Assert.Equal(0, pool.WorkersStarted);
    }

    private static (Socket Reader, Socket Writer) Pair()
    {
        var path = Path.Combine(Path.GetTempPath(), "pgt-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var writer = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        writer.Connect(new UnixDomainSocketEndPoint(path));
        var reader = listener.Accept();
        File.Delete(path);
        return (reader, writer);
    }
}
