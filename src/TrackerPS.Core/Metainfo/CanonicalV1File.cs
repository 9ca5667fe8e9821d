using System.Text;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// Reads one plain entry of a v1 <c>files</c> list (<see cref="PlainV1File"/>) straight from its bencoded bytes, with no
    /// decoder tokens, when it is also encoded the one canonical way: <c>d[4:attr1:p]6:lengthi&lt;n&gt;e4:pathl&lt;elements&gt;ee</c>,
    /// with no other key, no leading zero, no sign and a <c>length</c> of at most 18 digits. Decoding such an entry could
    /// neither fail nor warn, and reading it the full way would give the same <see cref="FileEntry"/>; anything else is
    /// not read here (<see cref="PlainFileList"/> then leaves the whole list to the decoder).
    /// </summary>
    internal static class CanonicalV1File
    {
        /// <summary>Most digits read in a <c>length</c> (below 10^18, so no overflow), as <see cref="PlainV1File.LongestPlainLength"/>.</summary>
        private const int MaxLengthDigits = PlainV1File.LongestPlainLength - 2;

        /// <summary>Most digits read in an element's length prefix (below 10^9, so no overflow).</summary>
        private const int MaxPrefixDigits = 9;

        private static readonly byte[] s_padAttribute = Encoding.ASCII.GetBytes("4:attr1:p");
        private static readonly byte[] s_lengthKey = Encoding.ASCII.GetBytes("6:lengthi");
        private static readonly byte[] s_pathKey = Encoding.ASCII.GetBytes("4:pathl");

        /// <summary>Reads the entry starting at <paramref name="position"/>, and moves past it when it is plain and canonical.</summary>
        /// <param name="data">The input.</param>
        /// <param name="position">Offset of the entry's <c>d</c>; after it when true.</param>
        /// <param name="end">Offset just past the input.</param>
        /// <param name="encodedFiles">The bytes the raw path is left encoded in: the input, or a copy of the list.</param>
        /// <param name="copyStart">Offset in the input of <paramref name="encodedFiles"/>' first byte.</param>
        /// <param name="entry">The file; default when false.</param>
        /// <param name="tokens">The number of values the entry holds (what the decoder would have counted); 0 when false.</param>
        /// <returns>False when the entry is not plain or not canonical.</returns>
        public static bool TryRead(byte[] data, ref int position, int end, byte[] encodedFiles, int copyStart, out FileEntry entry, out int tokens)
        {
            entry = default;
            tokens = 0;
            int start = position;
            int p = start + 1;
            if (start >= end || data[start] != (byte)'d')
            {
                return false;
            }

            bool pad = Skip(data, ref p, end, s_padAttribute);
            if (!Skip(data, ref p, end, s_lengthKey) || !TryReadLength(data, ref p, end, out long length) || !Skip(data, ref p, end, s_pathKey))
            {
                return false;
            }

            int path = p - 1;
            int elements = 0;
            while (p < end && data[p] != (byte)'e')
            {
                if (!TryReadPrefix(data, ref p, end, out int count) || !PlainV1File.IsPlainElement(data, p, count))
                {
                    return false;
                }

                p += count;
                elements++;
            }

            // The path list's 'e' at p, the entry's at p + 1.
            if (elements == 0 || p + 1 >= end || data[p + 1] != (byte)'e')
            {
                return false;
            }

            entry = new FileEntry(new EncodedPath(encodedFiles, path - copyStart, p + 1 - path), length, pad, start);
            tokens = (pad ? 7 : 5) + elements;
            position = p + 2;
            return true;
        }

        private static bool Skip(byte[] data, ref int position, int end, byte[] expected)
        {
            if (end - position < expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (data[position + i] != expected[i])
                {
                    return false;
                }
            }

            position += expected.Length;
            return true;
        }

        /// <summary>Reads <c>&lt;digits&gt;e</c> after the <c>i</c>: 0, or up to 18 digits with no leading zero.</summary>
        private static bool TryReadLength(byte[] data, ref int position, int end, out long value)
        {
            int digits = ReadDigits(data, position, end, MaxLengthDigits, out value);
            int p = position + digits;
            if (digits == 0 || (digits > 1 && data[position] == (byte)'0') || p >= end || data[p] != (byte)'e')
            {
                return false;
            }

            position = p + 1;
            return true;
        }

        /// <summary>Reads a string's length prefix and its ':': no leading zero, and no more bytes than are left.</summary>
        private static bool TryReadPrefix(byte[] data, ref int position, int end, out int count)
        {
            int digits = ReadDigits(data, position, end, MaxPrefixDigits, out long value);
            int p = position + digits;
            count = (int)value;
            if (digits == 0 || data[position] == (byte)'0' || p >= end || data[p] != (byte)':' || count > end - p - 1)
            {
                return false;
            }

            position = p + 1;
            return true;
        }

        /// <summary>Reads at most <paramref name="maxDigits"/> decimal digits from <paramref name="start"/>; returns how many.</summary>
        private static int ReadDigits(byte[] data, int start, int end, int maxDigits, out long value)
        {
            value = 0;
            int p = start;
            while (p < end && p - start < maxDigits && IsDigit(data[p]))
            {
                value = (value * 10) + (data[p] - (byte)'0');
                p++;
            }

            return p - start;
        }

        private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';
    }
}
