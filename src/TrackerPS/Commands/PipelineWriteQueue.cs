using System;
using System.Collections.Generic;
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

        /// <param name="verboseShown">Whether PowerShell can show verbose lines; when not, <see cref="WriteVerbose"/> drops them.</param>
        public PipelineWriteQueue(bool verboseShown)
        {
            VerboseShown = verboseShown;
        }

        /// <summary>
        /// Whether verbose lines can be shown. Work that sends many requests checks it before building a line per request,
        /// so a run does not format and queue thousands of lines PowerShell would drop.
        /// </summary>
        public bool VerboseShown { get; }

        public void WriteObject(object value) => _pump.Enqueue(cmdlet => cmdlet.WriteObject(value));

        /// <summary>Queues the objects as one write (one hand-over to the pipeline thread for a tracker's 10,000 scrape results), in order.</summary>
        public void WriteObjects<T>(IReadOnlyList<T> values) => _pump.Enqueue(cmdlet =>
        {
            foreach (T value in values)
            {
                cmdlet.WriteObject(value);
            }
        });

        public void WriteError(ErrorRecord error) => _pump.Enqueue(cmdlet => cmdlet.WriteError(error));

        public void WriteWarning(string message) => _pump.Enqueue(cmdlet => cmdlet.WriteWarning(message));

        /// <summary>
        /// Queues a verbose line, which is written even after <c>Select-Object -First</c> stopped the pipeline (PowerShell
        /// still writes it to the host), so the <c>stopped</c> announces sent then are shown. Dropped unless <see cref="VerboseShown"/>.
        /// </summary>
        public void WriteVerbose(string message)
        {
            if (VerboseShown)
            {
                _pump.EnqueueDiagnostic(cmdlet => WriteVerboseLine(cmdlet, message));
            }
        }

        public void WriteProgress(ProgressRecord progress) => _pump.Enqueue(cmdlet => cmdlet.WriteProgress(progress));

        /// <summary>Runs the work and performs its writes on the calling (pipeline) thread; see <see cref="WritePump{TSink}.Run"/>.</summary>
        public void Run(Cmdlet cmdlet, Func<CancellationToken, Task> work, CancellationTokenSource stopping) => _pump.Run(cmdlet, work, stopping);

        public void Dispose() => _pump.Dispose();

        private static void WriteVerboseLine(Cmdlet cmdlet, string message)
        {
            try
            {
                cmdlet.WriteVerbose(message);
            }
            catch (PipelineStoppedException)
            {
                // After Ctrl+C, or with verbose merged into the stopped output (4>&1), the line cannot be written.
            }
        }
    }
}
