using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Base of cmdlets that run asynchronous work: the work runs on the thread pool and queues its output, while the
    /// pipeline thread performs the writes as they arrive (PowerShell allows them only there). Ctrl+C
    /// (<see cref="StopProcessing"/>) cancels <see cref="StopToken"/>, which the work passes to every request.
    /// </summary>
    public abstract class AsyncCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the pipeline stops (Ctrl+C, or a downstream command such as <c>Select-Object -First</c>).</summary>
        protected CancellationToken StopToken => _stopping.Token;

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            _stopping.Dispose();
        }

        /// <summary>Cancels the outstanding work at once.</summary>
        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        /// <summary>
        /// Runs <paramref name="work"/> and performs the writes it queues on this (pipeline) thread until it finishes.
        /// Rethrows the work's exception; a cancellation caused by stopping becomes <see cref="PipelineStoppedException"/>.
        /// </summary>
        private protected void RunAndPump(Func<PipelineWriteQueue, CancellationToken, Task> work)
        {
            using var queue = new PipelineWriteQueue();
            Task running = RunThenCloseAsync(work, queue);
            bool drained = false;
            try
            {
                // The one blocking wait bridging the pipeline thread and the asynchronous work.
                queue.Drain(this);
                drained = true;
            }
            finally
            {
                if (!drained)
                {
                    // A write threw (the pipeline stopped downstream): abandon the work instead of leaving it running.
                    _stopping.Cancel();
                    queue.Close();
                }
            }

            try
            {
                // The queue closes in the work's last step, so this returns at once; it surfaces the work's exception.
                running.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private async Task RunThenCloseAsync(Func<PipelineWriteQueue, CancellationToken, Task> work, PipelineWriteQueue queue)
        {
            try
            {
                await work(queue, _stopping.Token).ConfigureAwait(false);
            }
            finally
            {
                queue.Close();
            }
        }
    }
}
