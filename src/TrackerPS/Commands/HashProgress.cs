using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using TrackerPS.Core.Progress;

namespace TrackerPS.Commands
{
    /// <summary>
    /// "Hashed n of m (rate), time left" progress of New-Torrent and Test-Torrent, shown only when hashing takes over a
    /// second (<see cref="ProgressThrottle"/>), ended with a Completed record.
    /// </summary>
    internal sealed class HashProgress
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly long _total;
        private readonly ProgressThrottle _throttle = ProgressThrottle.StartNew();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        /// <param name="cmdlet">The cmdlet to write through, on its pipeline thread.</param>
        /// <param name="activityId">The progress activity id.</param>
        /// <param name="activity">The activity, naming what is hashed.</param>
        /// <param name="total">Bytes to hash.</param>
        public HashProgress(Cmdlet cmdlet, int activityId, string activity, long total)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
            _total = Math.Max(1, total);
        }

        /// <summary>Writes a record when due.</summary>
        /// <param name="hashed">Bytes hashed so far.</param>
        public void Report(long hashed)
        {
            if (!_throttle.ShouldReport())
            {
                return;
            }

            double seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            double rate = hashed / seconds;
            string status = string.Format(
                CultureInfo.InvariantCulture,
                "Hashed {0} of {1} ({2}/s)",
                ByteSize.Format(hashed),
                ByteSize.Format(_total),
                ByteSize.Format((long)rate));
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
            {
                PercentComplete = (int)Math.Min(100, hashed * 100 / _total),
                SecondsRemaining = rate > 0 ? (int)Math.Min(int.MaxValue, (_total - hashed) / rate) : -1,
            });
        }

        /// <summary>
        /// Runs <paramref name="work"/> on the thread pool and reports <paramref name="hashed"/> from this (pipeline) thread
        /// every 100 ms until it ends; then ends the bar. The work's exception is rethrown as it is.
        /// </summary>
        /// <typeparam name="T">The work's result.</typeparam>
        /// <param name="work">The hashing.</param>
        /// <param name="hashed">Bytes hashed so far, read from any thread.</param>
        /// <returns>The work's result.</returns>
        public T Run<T>(Func<T> work, Func<long> hashed)
        {
            Task<T> task = Task.Run(work);
            try
            {
                while (!task.Wait(100))
                {
                    Report(hashed());
                }

                return task.GetAwaiter().GetResult();
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }
            finally
            {
                Complete();
            }
        }

        /// <summary>Ends the bar with a Completed record, if any record was written.</summary>
        public void Complete()
        {
            if (_throttle.HasReported)
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
