using System;
using System.IO;
using System.Threading.Tasks;
using ParallelGen.Infrastructure.Remote;
using ParallelGen.Processes;

namespace ParallelGen.ProcessPool.Tests;

[Collection("process pool")]
public sealed class ExceptionTests
{
    [Fact(Timeout = 120_000)]
    public async Task Exceptions_cross_as_data_and_come_back_as_their_own_type()
    {
        await using var pool = new ProcessPoolExecutor(1);
        var sink = await PoolHarness.BehaveAsync(pool, "throw-invalid:xyz", "throw-inner", "throw-custom", "ok:fine");
        var invalid = Assert.IsType<InvalidOperationException>(sink.Error(0));
        Assert.Equal("bad state: xyz", invalid.Message);
        Assert.Contains("Behaviours.RunAsync", invalid.StackTrace);
        var outer = Assert.IsType<InvalidOperationException>(sink.Error(1));
        Assert.Equal("inner cause", Assert.IsType<ArgumentException>(outer.InnerException).Message);
        var custom = Assert.IsType<RemoteException>(sink.Error(2));
        Assert.Equal(typeof(CustomWithoutMessageCtor).FullName, custom.RemoteTypeName);
        Assert.Equal("custom code 42", custom.RemoteMessage);
        Assert.Contains("Behaviours.RunAsync", custom.RemoteStackTrace);
        Assert.Equal("fine", sink.Result(3));
        Assert.Equal(1, pool.WorkersStarted);
    }

    [Fact]
    public void A_type_name_from_the_wire_that_is_not_an_exception_is_never_instantiated()
    {
        var writer = new WireWriter();
        new ExceptionData(typeof(System.Text.StringBuilder).FullName!, "System.Runtime", "boom", null, null).Write(writer);
        var rebuilt = ExceptionData.Read(new WireReader(writer.WrittenMemory)).ToException();
        Assert.Equal("System.Text.StringBuilder", Assert.IsType<RemoteException>(rebuilt).RemoteTypeName);
    }

    [Fact]
    public void Random_exception_data_is_refused_as_malformed()
    {
        var random = new Random(11);
        for (var k = 0; k < 2000; k++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            try
            {
                ExceptionData.Read(new WireReader(bytes)).ToException();
            }
            catch (InvalidDataException)
            {
            }
        }
    }
}
