using System.Threading;
using System.Threading.Tasks;
using ParallelGen.Infrastructure;
using ParallelGen.Scheduling;

namespace ParallelGen.Mapping.Workers;

/// <summary>How a worker is handed to whatever runs it; throws <see cref="System.InvalidOperationException"/> when refused.</summary>
internal abstract class WorkerLauncher
{
    /// <summary>Hands <paramref name="worker"/> over to run.</summary>
    public abstract void Launch(WorkItem worker);

    /// <summary>An executor of this assembly: the worker is one of its work items.</summary>
    public sealed class Host(IWorkItemHost host) : WorkerLauncher
    {
        /// <inheritdoc/>
        public override void Launch(WorkItem worker)
        {
            worker.CaptureContext();
            host.Post(worker);
        }
    }

    /// <summary>Any other executor: the worker's loop is submitted as one call.</summary>
    public sealed class Submit(IExecutor executor) : WorkerLauncher
    {
        /// <inheritdoc/>
        public override void Launch(WorkItem worker)
        {
            var future = executor.Submit(async _ =>
            {
                await worker.RunAsync().ConfigureAwait(false);
                return default(NoResult);
            });
            future.Task.ContinueWith(static (_, state) => ((WorkItem)state!).CancelPending(), worker, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Batch workers: their loops only await the remote executor, so they start on the thread pool.</summary>
    public sealed class ThreadPool : WorkerLauncher
    {
        /// <inheritdoc/>
        public override void Launch(WorkItem worker)
        {
            worker.CaptureContext();
            System.Threading.ThreadPool.UnsafeQueueUserWorkItem(static w => _ = w.RunAsyncInContext(), worker, preferLocal: false);
        }
    }
}
