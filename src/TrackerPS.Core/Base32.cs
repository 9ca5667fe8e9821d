using System.Text;

namespace TrackerPS.Core
{
    /// <summary>RFC 4648 §6 base32 without padding, upper case out, any case in (BEP 9 <c>urn:btih</c>, info-hash text).</summary>
    internal static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        /// <summary>The unpadded length of <paramref name="byteCount"/> bytes: 32 for 20 bytes, 52 for 32.</summary>
        /// <param name="byteCount">The number of bytes.</param>
        /// <returns>⌈8 × <paramref name="byteCount"/> / 5⌉ characters.</returns>
        internal static int EncodedLength(int byteCount) => ((byteCount * 8) + 4) / 5;

        /// <summary>Encodes bytes as upper-case base32 without padding.</summary>
        /// <param name="bytes">The bytes.</param>
        /// <returns><see cref="EncodedLength"/> characters; the unused low bits of the last one are 0.</returns>
        internal static string Encode(byte[] bytes)
        {
            var text = new StringBuilder(EncodedLength(bytes.Length));
            int buffer = 0;
            int bits = 0;
            foreach (byte b in bytes)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }

            if (bits > 0)
            {
                text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
            }

            return text.ToString();
        }

        /// <summary>Decodes unpadded base32 of exactly <paramref name="byteCount"/> bytes, in any case.</summary>
        /// <param name="text">The text.</param>
        /// <param name="byteCount">The number of bytes it must hold.</param>
        /// <returns>The bytes, or null when the length is not <see cref="EncodedLength"/>, a character is not base32, or
        /// the unused low bits of the last character are not 0 (so each value has one spelling).</returns>
        internal static byte[]? Decode(string text, int byteCount)
        {
            if (text.Length != EncodedLength(byteCount))
            {
                return null;
            }

            var bytes = new byte[byteCount];
            int buffer = 0;
            int bits = 0;
            int index = 0;
            foreach (char c in text)
            {
                int value = Alphabet.IndexOf(char.ToUpperInvariant(c));
                if (value < 0)
                {
                    return null;
                }

                buffer = ((buffer << 5) | value) & 0xFFF;
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes[index++] = (byte)(buffer >> bits);
                }
            }

            return (buffer & ((1 << bits) - 1)) == 0 ? bytes : null;
        }
    }
}
