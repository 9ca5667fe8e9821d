using System.Runtime.CompilerServices;
using TrackerPS.Core.Runtime;

namespace TrackerPS.Core
{
    /// <summary>Lower-case hexadecimal text of raw bytes (info-hashes, peer ids).</summary>
    internal static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Encodes <paramref name="count"/> bytes at <paramref name="offset"/> as lower-case hex.</summary>
        /// <param name="bytes">The bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <param name="count">How many bytes.</param>
        /// <returns>2 × <paramref name="count"/> hex digits.</returns>
        [MethodImpl(HotPath.Optimized)]
        internal static string Encode(byte[] bytes, int offset, int count)
        {
            // One char array and the string: a StringBuilder added itself and its own buffer per call (one per file's
            // pieces root when a v2 torrent is read).
            var text = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                text[2 * i] = Digits[bytes[offset + i] >> 4];
                text[(2 * i) + 1] = Digits[bytes[offset + i] & 0xF];
            }

            return new string(text);
        }

        /// <summary>True when every character of <paramref name="hex"/> is a lower-case hex digit (0-9, a-f).</summary>
        /// <param name="hex">The text.</param>
        /// <returns>True for lower-case hex, or an empty string.</returns>
        internal static bool IsLowerCase(string hex)
        {
            foreach (char c in hex)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when <paramref name="hex"/> is the lower-case hex of <paramref name="bytes"/>, compared without decoding it.</summary>
        /// <param name="hex">Lower-case hex digits.</param>
        /// <param name="bytes">The bytes.</param>
        /// <returns>True when they match digit for digit.</returns>
        internal static bool Matches(string hex, byte[] bytes)
        {
            if (hex.Length != bytes.Length * 2)
            {
                return false;
            }

            for (int i = 0; i < bytes.Length; i++)
            {
                if (hex[2 * i] != Digits[bytes[i] >> 4] || hex[(2 * i) + 1] != Digits[bytes[i] & 0xF])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
