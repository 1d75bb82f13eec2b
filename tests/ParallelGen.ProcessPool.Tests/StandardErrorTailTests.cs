using System;
using System.Linq;
using System.Text;
using ParallelGen.Processes;

namespace ParallelGen.ProcessPool.Tests;

public sealed class StandardErrorTailTests
{
    [Fact]
    public void Keeps_the_last_64_KB_in_order_across_wraparounds()
    {
        var tail = new StandardErrorTail();
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"line {i}\n"));
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var at = 0; at < bytes.Length; at += 777)
        {
            tail.Append(bytes.AsSpan(at, Math.Min(777, bytes.Length - at)));
        }

        var expected = Encoding.UTF8.GetString(bytes, bytes.Length - StandardErrorTail.Capacity, StandardErrorTail.Capacity);
        Assert.Equal(expected, tail.ToString());
        Assert.EndsWith("line 19999\n", tail.ToString());
    }

    [Fact]
    public void Short_output_is_kept_whole()
    {
        var tail = new StandardErrorTail();
        tail.Append(Encoding.UTF8.GetBytes("Stack overflow.\n"));
        Assert.Equal("Stack overflow.\n", tail.ToString());
    }
}
