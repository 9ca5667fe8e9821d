using System;
using System.Threading;

namespace TrackerPS.Core.Progress
{
    /// <summary>
    /// Counts the answers of a run of known size and reports "answered of total": at <see cref="Start"/>, then every
    /// <see cref="RepeatInterval"/> while answers are pending (even when none arrived), and at the last answer.
    /// PowerShell's host drops progress records that arrive within its render interval (about 200 ms) instead of
    /// deferring them, so a report per answer would be dropped too, and would cost the run a progress record on the
    /// pipeline thread per answer (about a third of a 2,000-announce run's time at one request in flight): the repeat
    /// shows the count the host can show. Reports never run concurrently and their counts never go down. Thread-safe.
    /// </summary>
    public sealed class ProgressCounter : IDisposable
    {
        /// <summary>How often the count is reported again while answers are pending: 200 ms, the host's render interval.</summary>
        public static readonly TimeSpan RepeatInterval = TimeSpan.FromMilliseconds(200);

        private readonly object _gate = new object();
        private readonly int _total;
        private readonly Action<int> _report;
        private readonly Func<TimeSpan, Action, IDisposable> _startTicks;
        private IDisposable? _ticks;
        private int _answered;
        private bool _ended;

        /// <summary>Creates a counter; nothing is reported before <see cref="Start"/>.</summary>
        /// <param name="total">How many answers the run expects.</param>
        /// <param name="report">Reports the count answered so far; called under a lock, from any thread, so it must be quick.</param>
        /// <param name="startTicks">
        /// Calls the action every given interval, from any thread, until the returned handle is disposed
        /// (<see cref="TimerTicks"/> outside tests).
        /// </param>
        /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="startTicks"/> is null.</exception>
        public ProgressCounter(int total, Action<int> report, Func<TimeSpan, Action, IDisposable> startTicks)
        {
            _total = total;
            _report = report ?? throw new ArgumentNullException(nameof(report));
            _startTicks = startTicks ?? throw new ArgumentNullException(nameof(startTicks));
        }

        /// <summary>Ticks from a <see cref="Timer"/>, the first one interval after the start.</summary>
        /// <param name="interval">The interval.</param>
        /// <param name="tick">Called on a thread-pool thread at each tick.</param>
        /// <returns>The timer; dispose it to stop the ticks.</returns>
        public static IDisposable TimerTicks(TimeSpan interval, Action tick) => new Timer(_ => tick(), null, interval, interval);

        /// <summary>Reports 0 answered and starts repeating the count while answers are pending.</summary>
        public void Start()
        {
            lock (_gate)
            {
                _report(_answered);
                if (_answered < _total && !_ended)
                {
                    _ticks = _startTicks(RepeatInterval, Tick);
                }
            }
        }

        /// <summary>Counts one more answer; the last expected answer is reported and stops the repeat.</summary>
        public void Answered()
        {
            lock (_gate)
            {
                if (++_answered >= _total)
                {
                    _report(_answered);
                    StopTicks();
                }
            }
        }

        /// <summary>Stops the repeat: nothing is reported after this returns, except by <see cref="Answered"/>.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _ended = true;
                StopTicks();
            }
        }

        private void Tick()
        {
            lock (_gate)
            {
                // A tick can be already running when the ticks stop; it reports nothing then.
                if (_ticks is not null && _answered < _total)
                {
                    _report(_answered);
                }
            }
        }

        private void StopTicks()
        {
            _ticks?.Dispose();
            _ticks = null;
        }
    }
}
