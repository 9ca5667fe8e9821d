using System.Text;

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
        internal static string Encode(byte[] bytes, int offset, int count)
        {
            var text = new StringBuilder(count * 2);
            for (int i = offset; i < offset + count; i++)
            {
                text.Append(Digits[bytes[i] >> 4]).Append(Digits[bytes[i] & 0xF]);
            }

            return text.ToString();
        }
    }
}
