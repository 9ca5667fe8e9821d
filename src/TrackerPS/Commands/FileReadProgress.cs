using System.Globalization;
using System.Management.Automation;
using TrackerPS.Core.Progress;

namespace TrackerPS.Commands
{
    /// <summary>
    /// "n of m files read" progress of the cmdlets that read .torrent files, shown only when a run is slow
    /// (<see cref="ProgressThrottle"/>): a record is built only when one is written, so a fast run costs a clock read per file.
    /// </summary>
    internal sealed class FileReadProgress
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly ProgressThrottle _throttle = ProgressThrottle.StartNew();
        private long _read;

        /// <param name="cmdlet">The cmdlet to write through, on its pipeline thread.</param>
        /// <param name="activityId">The progress activity id of the cmdlet.</param>
        /// <param name="activity">The activity (the cmdlet name).</param>
        public FileReadProgress(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
        }

        /// <summary>Reports, when due, that <paramref name="file"/> is read next; call it before each file.</summary>
        /// <param name="file">The file about to be read, shown as the current operation.</param>
        /// <param name="total">How many files the run reads, or -1 when unknown (pipeline input): no percentage then.</param>
        public void Reading(string file, int total)
        {
            long read = _read++;
            if (!_throttle.ShouldReport())
            {
                return;
            }

            string status = total < 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} files read", read)
                : string.Format(CultureInfo.InvariantCulture, "{0} of {1} files read", read, total);
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
            {
                CurrentOperation = file,
                PercentComplete = total <= 0 ? -1 : (int)(read * 100 / total),
            });
        }

        /// <summary>Ends the progress bar with a Completed record, if any record was written.</summary>
        public void Complete()
        {
            if (_throttle.HasReported)
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
