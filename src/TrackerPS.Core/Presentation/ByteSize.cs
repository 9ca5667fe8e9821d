using System;
using System.Globalization;

namespace TrackerPS
{
    /// <summary>
    /// Sizes in bytes as people read them, in binary units (1 KiB = 1024 bytes): what the module's table views show
    /// beside properties such as <see cref="TorrentInfo.TotalSize"/>, which stay in bytes.
    /// </summary>
    public static class ByteSize
    {
        private static readonly string[] s_units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

        /// <summary>
        /// Formats <paramref name="bytes"/>: below 1 KiB as a whole number of bytes (<c>600 B</c>), otherwise with one
        /// decimal in the largest unit that keeps the number at least 1 (<c>39.7 KiB</c>, <c>1.2 GiB</c>).
        /// </summary>
        /// <param name="bytes">A size in bytes, 0 or more.</param>
        /// <param name="provider">The culture of the decimal separator; null for the current culture.</param>
        /// <returns>The size with its unit.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
        public static string Format(long bytes, IFormatProvider? provider = null)
        {
            if (bytes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "A size cannot be negative.");
            }

            provider ??= CultureInfo.CurrentCulture;
            if (bytes < 1024)
            {
                return bytes.ToString(provider) + " B";
            }

            double value = bytes;
            int unit = 0;
            // Rounding to one decimal can reach 1024.0 (e.g. 1048575 bytes): move up a unit rather than show "1024.0 KiB".
            while (Math.Round(value, 1) >= 1024 && unit < s_units.Length - 1)
            {
                value /= 1024;
                unit++;
            }

            return value.ToString("0.0", provider) + " " + s_units[unit];
        }
    }
}
