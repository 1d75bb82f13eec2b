using System;
using System.IO;
using System.Text;
using ParallelGen.Tests.Shared;

namespace ParallelGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated text with <c>Snapshots/{name}.verified.cs</c> (the layout Verify uses). A mismatch writes
/// <c>{name}.received.cs</c> beside it and fails with the first differing lines. To accept the received text, run
/// the tests with the environment variable <c>ACCEPT_SNAPSHOTS=1</c>: mismatching or missing snapshots are then
/// overwritten and the test passes.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "ACCEPT_SNAPSHOTS";

    public static void Verify(string name, string actual)
    {
        var directory = Path.Combine(Repository.Root, "tests", "ParallelGen.Generator.Tests", "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verified, actual, new UTF8Encoding(false));
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; wrote {received}. Set {AcceptVariable}=1 to accept."
            : $"Snapshot {verified} differs; wrote {received}. Set {AcceptVariable}=1 to accept.{Environment.NewLine}{Diff(expected, actual)}");
    }

    private static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var builder = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(left.Length, right.Length) && shown < 20; i++)
        {
            var a = i < left.Length ? left[i] : "<missing>";
            var b = i < right.Length ? right[i] : "<missing>";
            if (a != b)
            {
                builder.Append("line ").Append(i + 1).AppendLine(":");
                builder.Append("  - ").AppendLine(a);
                builder.Append("  + ").AppendLine(b);
                shown++;
            }
        }

        return builder.ToString();
    }
}
