using System.Threading;

namespace Quickstart;

/// <summary>The tutorial's functions. Each [Parallelizable] method gets Map, MapAsync, AsCompleted and Submit wrappers.</summary>
public static partial class Tutorial
{
    /// <summary>Python's <c>def f(x): return x * x</c>.</summary>
    [ParallelGen.Parallelizable]
    public static int Square(int x) => x * x;

    /// <summary>A function with optional keyword arguments, as <c>Process(target=f, kwargs=...)</c> passes them.</summary>
    [ParallelGen.Parallelizable]
    public static string Greet(string name, string greeting = "hello", int times = 1) =>
        string.Join(" ", System.Linq.Enumerable.Repeat(greeting, times)) + " " + name;

    /// <summary>Sleeps <paramref name="milliseconds"/> and returns it, so results arrive in completion order.</summary>
    [ParallelGen.Parallelizable]
    public static int Nap(int milliseconds)
    {
        Thread.Sleep(milliseconds);
        return milliseconds;
    }

    /// <summary>The tutorial's <c>doubler</c>: says which process did the work (<c>os.getpid()</c>).</summary>
    [ParallelGen.Parallelizable]
    public static string Doubler(int number) => $"{number} doubled to {number * 2} by process id: {System.Environment.ProcessId}";

    /// <summary>The tutorial's <c>time.sleep(2)</c> task.</summary>
    [ParallelGen.Parallelizable]
    public static void SleepTwoSeconds(int task) => Thread.Sleep(2000);
}
