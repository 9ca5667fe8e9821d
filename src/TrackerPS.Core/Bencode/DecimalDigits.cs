using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// Reads a run of ASCII decimal digits into a 64-bit value (BEP 3 integers and string lengths). Shared by the decoder,
    /// which reads them first and reports overflow, and by <see cref="BencodeTokenList"/>, which reads an integer's digits
    /// again when its token had no room for the value.
    /// </summary>
    internal static class DecimalDigits
    {
        /// <summary>
        /// Reads digits from <paramref name="position"/> until a byte that is not one, or <paramref name="end"/>.
        /// </summary>
        /// <param name="data">The input.</param>
        /// <param name="position">Where the digits start; on return, the first byte after them, or the digit that overflowed.</param>
        /// <param name="end">Where the input ends.</param>
        /// <param name="negative">Read the value as negative (a '-' before the digits).</param>
        /// <param name="value">The value; 0 when there are no digits or on overflow.</param>
        /// <returns>False when the value does not fit in 64 bits.</returns>
        [MethodImpl(HotPath.Optimized)]
        public static bool TryRead(byte[] data, ref int position, int end, bool negative, out long value)
        {
            // Accumulated as a negative number so that long.MinValue itself fits.
            long accumulated = 0;
            value = 0;
            while (position < end && data[position] >= (byte)'0' && data[position] <= (byte)'9')
            {
                int digit = data[position] - '0';
                if (accumulated < (long.MinValue + digit) / 10)
                {
                    return false;
                }

                accumulated = (accumulated * 10) - digit;
                position++;
            }

            if (negative)
            {
                value = accumulated;
                return true;
            }

            if (accumulated == long.MinValue)
            {
                return false;
            }

            value = -accumulated;
            return true;
        }
    }
}
