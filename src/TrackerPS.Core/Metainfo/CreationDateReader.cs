using System;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads <c>creation date</c> (BEP 3 convention: seconds since the Unix epoch). Some tools write milliseconds; any
    /// value above <see cref="MillisecondsThreshold"/> (year 5138 in seconds) is read as milliseconds, with a warning.
    /// </summary>
    internal static class CreationDateReader
    {
        /// <summary>Values above 10^11 are taken to be milliseconds.</summary>
        public const long MillisecondsThreshold = 100_000_000_000;

        private const long MinSeconds = -62_135_596_800;
        private const long MaxSeconds = 253_402_300_799;

        public static DateTimeOffset? Read(BDictionary root, MetainfoContext context)
        {
            BInteger? value = context.Lenient<BInteger>(root, "creation date", "creation date");
            if (value is null)
            {
                return null;
            }

            long seconds = value.Value;
            if (seconds > MillisecondsThreshold)
            {
                context.Warn(value.Offset, $"'creation date' {value.Value} is read as milliseconds, not seconds");
                seconds /= 1000;
                if (seconds <= MaxSeconds)
                {
                    return DateTimeOffset.FromUnixTimeMilliseconds(value.Value);
                }
            }

            if (seconds < MinSeconds || seconds > MaxSeconds)
            {
                context.Warn(value.Offset, $"'creation date' {value.Value} is out of range and is ignored");
                return null;
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
    }
}
