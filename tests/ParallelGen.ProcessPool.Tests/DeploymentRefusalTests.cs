using System.Threading.Tasks;
using ParallelGen.Processes;

namespace ParallelGen.ProcessPool.Tests;

/// <summary>
/// Issue 11, point 1: an app that cannot start worker hosts is refused at pool creation with a message that says what
/// to do. The check's logic here; the real single-file and NativeAOT publishes are in ProcessPoolPackageTests.
/// </summary>
public sealed class DeploymentRefusalTests
{
    [Fact]
    public void A_NativeAOT_app_is_refused_with_what_to_do()
    {
        // NativeAOT: no dynamic code, and no assembly has a file location.
        var refusal = WorkerLauncher.RefusalOf(string.Empty, isDynamicCodeSupported: false);

        Assert.NotNull(refusal);
        Assert.Contains("NativeAOT", refusal);
        Assert.Contains("Publish without PublishAot", refusal);
        Assert.Contains("ThreadPoolExecutor", refusal);
    }

    [Fact]
    public void A_single_file_app_is_refused_with_what_to_do()
    {
        var refusal = WorkerLauncher.RefusalOf(string.Empty, isDynamicCodeSupported: true);

        Assert.NotNull(refusal);
        Assert.Contains("single-file", refusal);
        Assert.Contains("Publish framework-dependent without PublishSingleFile", refusal);
    }

    [Fact]
    public async Task A_framework_dependent_app_is_not_refused()
    {
        Assert.Null(WorkerLauncher.RefusalOf(typeof(WorkerLauncher).Assembly.Location, isDynamicCodeSupported: true));

        // This test host is one: creating a pool succeeds, and no worker starts until work comes.
        await using var pool = new ProcessPoolExecutor(1);
        Assert.Empty(pool.WorkerProcessIds);
    }
}
