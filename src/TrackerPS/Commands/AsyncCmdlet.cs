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
        /// Runs <paramref name="work"/> and performs the writes it queues on this (pipeline) thread until it finishes. When a
        /// write throws (the pipeline stopped downstream, or Ctrl+C), the work is cancelled and still awaited, so its last
        /// step (the <c>stopped</c> announces of <c>-Repeat</c>) is done before the cmdlet returns; then the write's exception
        /// is rethrown. Rethrows the work's exception; a cancellation caused by stopping becomes <see cref="PipelineStoppedException"/>.
        /// </summary>
        private protected void RunAndPump(Func<PipelineWriteQueue, CancellationToken, Task> work)
        {
            using var queue = new PipelineWriteQueue(IsVerboseShown());
            try
            {
                queue.Run(this, cancellationToken => work(queue, cancellationToken), _stopping);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        // Whether PowerShell can show this invocation's verbose lines: -Verbose (or -Debug, which implies it) decides when
        // given, else the caller's $VerbosePreference, unless it is SilentlyContinue or Ignore. When unsure, shown.
        private bool IsVerboseShown()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose))
            {
                return verbose is SwitchParameter { IsPresent: true } || verbose is true;
            }

            if (MyInvocation.BoundParameters.ContainsKey("Debug"))
            {
                return true;
            }

            object? preference = GetVariableValue("VerbosePreference");
            if (preference is PSObject wrapped)
            {
                preference = wrapped.BaseObject;
            }

            return !(preference is ActionPreference.SilentlyContinue or ActionPreference.Ignore
                || (preference is string text && (text.Equals(nameof(ActionPreference.SilentlyContinue), StringComparison.OrdinalIgnoreCase)
                    || text.Equals(nameof(ActionPreference.Ignore), StringComparison.OrdinalIgnoreCase))));
        }
    }
}
