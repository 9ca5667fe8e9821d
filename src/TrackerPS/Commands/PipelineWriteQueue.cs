using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Threading;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Writes that background work asks for and the pipeline thread performs: PowerShell allows WriteObject, WriteError
    /// and the other streams only on the pipeline thread. Thread-safe; see <see cref="AsyncCmdlet"/> and <see cref="WritePump{TSink}"/>.
    /// </summary>
    internal sealed class PipelineWriteQueue : IDisposable
    {
        private readonly WritePump<Cmdlet> _pump = new WritePump<Cmdlet>();

        public void WriteObject(object value) => _pump.Enqueue(cmdlet => cmdlet.WriteObject(value));

        public void WriteError(ErrorRecord error) => _pump.Enqueue(cmdlet => cmdlet.WriteError(error));

        public void WriteWarning(string message) => _pump.Enqueue(cmdlet => cmdlet.WriteWarning(message));

        /// <summary>
        /// Queues a verbose line, which is written even after <c>Select-Object -First</c> stopped the pipeline (PowerShell
        /// still writes it to the host), so the <c>stopped</c> announces sent then are shown.
        /// </summary>
        public void WriteVerbose(string message) => _pump.EnqueueDiagnostic(cmdlet =>
        {
            try
            {
                cmdlet.WriteVerbose(message);
            }
            catch (PipelineStoppedException)
            {
                // After Ctrl+C, or with verbose merged into the stopped output (4>&1), the line cannot be written.
            }
        });

        public void WriteProgress(ProgressRecord progress) => _pump.Enqueue(cmdlet => cmdlet.WriteProgress(progress));

        /// <summary>Runs the work and performs its writes on the calling (pipeline) thread; see <see cref="WritePump{TSink}.Run"/>.</summary>
        public void Run(Cmdlet cmdlet, Func<CancellationToken, Task> work, CancellationTokenSource stopping) => _pump.Run(cmdlet, work, stopping);

        public void Dispose() => _pump.Dispose();
    }
}
