using System;
using System.Diagnostics;

namespace TrackerPS.Core.Threading
{
    /// <summary>
    /// Elapsed time from a <see cref="Stopwatch.GetTimestamp"/> value: what a <see cref="Stopwatch"/> measures, without
    /// allocating one (a UDP request keeps two clocks).
    /// </summary>
    internal static class MonotonicTime
    {
        private static readonly double s_ticksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

        /// <summary>The current timestamp, in <see cref="Stopwatch.Frequency"/> units.</summary>
        internal static long Now => Stopwatch.GetTimestamp();

        /// <summary>The time since <paramref name="timestamp"/>, a value of <see cref="Now"/>.</summary>
        internal static TimeSpan Since(long timestamp) => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - timestamp) * s_ticksPerTimestamp));
    }
}
