using System;
using System.Collections.Concurrent;
using System.Management.Automation;

namespace TrackerPS.Commands
{
    /// <summary>
    /// Writes that background work asks for and the pipeline thread performs: PowerShell allows WriteObject, WriteError
    /// and the other streams only on the pipeline thread. Thread-safe; see <see cref="AsyncCmdlet"/>.
    /// </summary>
    internal sealed class PipelineWriteQueue : IDisposable
    {
        private readonly BlockingCollection<Action<Cmdlet>> _writes = new BlockingCollection<Action<Cmdlet>>();
        private readonly object _gate = new object();
        private bool _closed;

        public void WriteObject(object value) => Enqueue(cmdlet => cmdlet.WriteObject(value));

        public void WriteError(ErrorRecord error) => Enqueue(cmdlet => cmdlet.WriteError(error));

        public void WriteWarning(string message) => Enqueue(cmdlet => cmdlet.WriteWarning(message));

        public void WriteVerbose(string message) => Enqueue(cmdlet => cmdlet.WriteVerbose(message));

        public void WriteProgress(ProgressRecord progress) => Enqueue(cmdlet => cmdlet.WriteProgress(progress));

        /// <summary>Performs the writes in order on the calling (pipeline) thread, blocking until <see cref="Close"/>.</summary>
        public void Drain(Cmdlet cmdlet)
        {
            foreach (Action<Cmdlet> write in _writes.GetConsumingEnumerable())
            {
                write(cmdlet);
            }
        }

        /// <summary>Ends the queue: <see cref="Drain"/> returns once the pending writes are done; later writes are dropped.</summary>
        public void Close()
        {
            lock (_gate)
            {
                if (!_closed)
                {
                    _closed = true;
                    _writes.CompleteAdding();
                }
            }
        }

        public void Dispose()
        {
            Close();
            _writes.Dispose();
        }

        private void Enqueue(Action<Cmdlet> write)
        {
            lock (_gate)
            {
                // Once closed, the pipeline takes no more writes (the work ended, or the pipeline stopped): drop them.
                if (!_closed)
                {
                    _writes.Add(write);
                }
            }
        }
    }
}
