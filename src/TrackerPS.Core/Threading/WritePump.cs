using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Threading
{
    /// <summary>
    /// Runs asynchronous work whose writes must all happen on one thread (PowerShell allows WriteObject, WriteVerbose
    /// and the other streams only on the pipeline thread): the work queues its writes from any thread, and
    /// <see cref="Run"/> performs them in order on the calling thread until the work ends. When the sink refuses a write
    /// (PowerShell throws once <c>Select-Object -First</c> or Ctrl+C stops the pipeline), the work is cancelled but still
    /// awaited, so its last step (the <c>stopped</c> announces) is done before <see cref="Run"/> returns. Thread-safe.
    /// </summary>
    /// <typeparam name="TSink">What the writes write to (the cmdlet).</typeparam>
    public sealed class WritePump<TSink> : IDisposable
    {
        private readonly BlockingCollection<QueuedWrite> _writes = new BlockingCollection<QueuedWrite>();
        private readonly object _gate = new object();
        private bool _closed;

        /// <summary>Queues a write (an output object, error, warning or progress record).</summary>
        /// <param name="write">The write.</param>
        public void Enqueue(Action<TSink> write) => Add(new QueuedWrite(write, afterRefusal: false));

        /// <summary>
        /// Queues a diagnostic write (a verbose line), which is still performed after the sink refused a write: PowerShell
        /// writes it to the host even after <c>Select-Object -First</c> stopped the pipeline. It must not throw.
        /// </summary>
        /// <param name="write">The write.</param>
        public void EnqueueDiagnostic(Action<TSink> write) => Add(new QueuedWrite(write, afterRefusal: true));

        /// <summary>
        /// Starts <paramref name="work"/> and performs its writes on this thread until it ends. If a write throws, the work
        /// is cancelled through <paramref name="stopping"/> and awaited (performing only its diagnostic writes), then the
        /// write's exception is rethrown.
        /// </summary>
        /// <param name="sink">What the writes write to.</param>
        /// <param name="work">The work; it is given <paramref name="stopping"/>'s token.</param>
        /// <param name="stopping">Cancels the work.</param>
        /// <exception cref="Exception">The exception of the work, or of the first write that threw.</exception>
        public void Run(TSink sink, Func<CancellationToken, Task> work, CancellationTokenSource stopping)
        {
            if (work is null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            if (stopping is null)
            {
                throw new ArgumentNullException(nameof(stopping));
            }

            Task running = RunThenCloseAsync(work, stopping.Token);
            try
            {
                // The one blocking wait bridging the sink's thread and the asynchronous work.
                foreach (QueuedWrite queued in _writes.GetConsumingEnumerable())
                {
                    queued.Write(sink);
                }
            }
            catch
            {
                stopping.Cancel();
                foreach (QueuedWrite queued in _writes.GetConsumingEnumerable())
                {
                    if (queued.AfterRefusal)
                    {
                        queued.Write(sink);
                    }
                }

                // The queue closed in the work's last step, so the work has ended; its cancellation is expected.
                _ = running.Exception;
                throw;
            }

            // The queue closes in the work's last step, so this returns at once; it surfaces the work's exception.
            running.GetAwaiter().GetResult();
        }

        /// <summary>Drops the pending writes.</summary>
        public void Dispose()
        {
            Close();
            _writes.Dispose();
        }

        private async Task RunThenCloseAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
        {
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Close();
            }
        }

        private void Close()
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

        private void Add(QueuedWrite write)
        {
            lock (_gate)
            {
                // Once closed (the work ended), nothing is drained any more: drop the write.
                if (!_closed)
                {
                    _writes.Add(write);
                }
            }
        }

        private readonly struct QueuedWrite
        {
            public QueuedWrite(Action<TSink> write, bool afterRefusal)
            {
                Write = write ?? throw new ArgumentNullException(nameof(write));
                AfterRefusal = afterRefusal;
            }

            public Action<TSink> Write { get; }

            public bool AfterRefusal { get; }
        }
    }
}
