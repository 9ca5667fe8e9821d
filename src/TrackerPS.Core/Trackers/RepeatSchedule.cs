using System;

namespace TrackerPS.Core.Trackers
{
    /// <summary>
    /// When a repeating announce asks a tracker again after an outcome: a pure function. An answer waits its
    /// <c>interval</c> (BEP 3; never less than its <c>min interval</c> nor <see cref="MinimumInterval"/>); a failure waits
    /// its <c>retry in</c> (BEP 31), or else backs off exponentially from <see cref="FirstBackoff"/> up to
    /// <see cref="MaximumBackoff"/>; a skipped announce waits until it may be sent.
    /// </summary>
    internal static class RepeatSchedule
    {
        /// <summary>The shortest wait after an answer, whatever interval a tracker sends: 60 s.</summary>
        public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(60);

        /// <summary>The wait after the first failure in a row: 15 s, doubled per further failure.</summary>
        public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(15);

        /// <summary>The longest wait after failures: 30 min.</summary>
        public static readonly TimeSpan MaximumBackoff = TimeSpan.FromMinutes(30);

        /// <summary>The wait before the next announce, or null when the tracker must not be asked again (<c>retry in: never</c>).</summary>
        /// <param name="outcome">The last outcome for the tracker and info-hash.</param>
        /// <param name="failuresInARow">Failures in a row, this one included (0 after an answer or a skip).</param>
        /// <param name="now">The time now (for a skipped announce's <see cref="AnnounceOutcome.NotBefore"/>).</param>
        public static TimeSpan? Wait(AnnounceOutcome outcome, int failuresInARow, DateTimeOffset now)
        {
            switch (outcome.Kind)
            {
                case AnnounceOutcomeKind.Answered:
                    AnnounceResponse response = outcome.Response!;
                    TimeSpan interval = response.MinInterval is TimeSpan min && min > response.Interval ? min : response.Interval;
                    return interval < MinimumInterval ? MinimumInterval : interval;
                case AnnounceOutcomeKind.Skipped:
                    return outcome.NotBefore == DateTimeOffset.MaxValue ? null : outcome.NotBefore!.Value - now;
                default:
                    if (outcome.Error!.RetryIn is TimeSpan retryIn)
                    {
                        // retry in 0 would retry at once, for ever: wait at least the first back-off.
                        return retryIn == TimeSpan.MaxValue ? null : retryIn < FirstBackoff ? FirstBackoff : retryIn;
                    }

                    // 15 s × 2^(n−1), capped; the shift is bounded so it cannot overflow.
                    int doublings = Math.Min(Math.Max(failuresInARow - 1, 0), 16);
                    TimeSpan backoff = TimeSpan.FromTicks(FirstBackoff.Ticks << doublings);
                    return backoff > MaximumBackoff ? MaximumBackoff : backoff;
            }
        }
    }
}
