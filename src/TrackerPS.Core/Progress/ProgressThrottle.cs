using System;
using System.Diagnostics;

namespace TrackerPS.Core.Progress
{
    /// <summary>
    /// Decides when a long loop should show progress: not at all during the first <see cref="Delay"/> (a fast run shows
    /// no bar), then at most once per <see cref="Interval"/>. Asking costs one clock read, so a loop can ask on every item
    /// and build its progress record only when told to. Not thread-safe: one loop asks.
    /// </summary>
    public sealed class ProgressThrottle
    {
        /// <summary>The default <see cref="Delay"/>: 1 second.</summary>
        public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(1);

        /// <summary>The default <see cref="Interval"/>: 200 milliseconds.</summary>
        public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(200);

        private readonly Func<TimeSpan> _elapsed;
        private TimeSpan _lastReport;

        /// <summary>Creates a throttle over an injected clock.</summary>
        /// <param name="elapsed">Time since the loop started; never decreasing.</param>
        /// <param name="delay">How long after the start the first report may be made.</param>
        /// <param name="interval">The least time between two reports.</param>
        /// <exception cref="ArgumentNullException"><paramref name="elapsed"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> or <paramref name="interval"/> is negative.</exception>
        public ProgressThrottle(Func<TimeSpan> elapsed, TimeSpan delay, TimeSpan interval)
        {
            if (delay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay cannot be negative.");
            }

            if (interval < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval cannot be negative.");
            }

            _elapsed = elapsed ?? throw new ArgumentNullException(nameof(elapsed));
            Delay = delay;
            Interval = interval;
        }

        /// <summary>How long after the start the first report may be made.</summary>
        public TimeSpan Delay { get; }

        /// <summary>The least time between two reports.</summary>
        public TimeSpan Interval { get; }

        /// <summary>True once <see cref="ShouldReport"/> has said yes: the caller then owes a Completed record at the end.</summary>
        public bool HasReported { get; private set; }

        /// <summary>A throttle with the default delay and interval, timed by a stopwatch started now.</summary>
        /// <returns>The throttle.</returns>
        public static ProgressThrottle StartNew()
        {
            Stopwatch stopwatch = Stopwatch.StartNew();
            return new ProgressThrottle(() => stopwatch.Elapsed, DefaultDelay, DefaultInterval);
        }

        /// <summary>Whether to report progress now; a yes is remembered as the time of the last report.</summary>
        /// <returns>True when <see cref="Delay"/> has passed since the start and, after a first report, <see cref="Interval"/> since the last one.</returns>
        public bool ShouldReport()
        {
            TimeSpan now = _elapsed();
            bool due = HasReported ? now - _lastReport >= Interval : now >= Delay;
            if (due)
            {
                _lastReport = now;
                HasReported = true;
            }

            return due;
        }
    }
}
