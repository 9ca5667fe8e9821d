using System;
using System.Globalization;
using System.Management.Automation;
using TrackerPS.Core.Progress;

namespace TrackerPS.Commands
{
    /// <summary>
    /// "n of m …" progress of a tracker run, written through the queue in order, and repeated while requests are pending
    /// (see <see cref="ProgressCounter"/>). Thread-safe; dispose it when the run ends.
    /// </summary>
    internal sealed class TrackerProgress : IDisposable
    {
        private readonly int _activityId;
        private readonly string _activity;
        private readonly string _statusFormat;
        private readonly int _total;
        private readonly PipelineWriteQueue _queue;
        private readonly ProgressCounter _counter;

        /// <param name="activityId">The progress activity id of the cmdlet.</param>
        /// <param name="activity">The activity (the cmdlet name).</param>
        /// <param name="statusFormat">The status, with {0} answered and {1} total.</param>
        /// <param name="total">How many requests the run sends.</param>
        /// <param name="queue">The queue to write through.</param>
        public TrackerProgress(int activityId, string activity, string statusFormat, int total, PipelineWriteQueue queue)
        {
            _activityId = activityId;
            _activity = activity;
            _statusFormat = statusFormat;
            _total = total;
            _queue = queue;
            _counter = new ProgressCounter(total, Report, ProgressCounter.TimerTicks);
        }

        /// <summary>Reports 0 answered and starts repeating the count while requests are pending.</summary>
        public void Start() => _counter.Start();

        /// <summary>Counts one more answer (reported at the next repeat, or at once when it is the last).</summary>
        public void Answered() => _counter.Answered();

        /// <summary>Stops the repeat.</summary>
        public void Dispose() => _counter.Dispose();

        private void Report(int answered)
        {
            string status = string.Format(CultureInfo.InvariantCulture, _statusFormat, answered, _total);
            _queue.WriteProgress(new ProgressRecord(_activityId, _activity, status)
            {
                PercentComplete = _total == 0 ? 100 : answered * 100 / _total,
            });
        }
    }
}
