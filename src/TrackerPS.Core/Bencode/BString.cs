using System;
using System.Text;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded byte string (BEP 3): <c>4:spam</c>. Bencode strings are bytes, not text; a decoded string
    /// shares the decoder's input buffer and copies nothing until asked.
    /// </summary>
    public sealed class BString : BValue, IEquatable<BString>
    {
        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(false, true);

        private readonly byte[] _buffer;
        private readonly int _start;

        /// <summary>Creates a string value in code from bytes (copied).</summary>
        /// <param name="bytes">The bytes.</param>
        public BString(byte[] bytes)
        {
            _buffer = (byte[])(bytes ?? throw new ArgumentNullException(nameof(bytes))).Clone();
            Count = _buffer.Length;
        }

        /// <summary>Creates a string value in code from text, encoded as UTF-8.</summary>
        /// <param name="text">The text.</param>
        public BString(string text)
        {
            _buffer = Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text)));
            Count = _buffer.Length;
        }

        internal BString(byte[] source, int offset, int length, int start, int count)
            : base(source, offset, length)
        {
            _buffer = source;
            _start = start;
            Count = count;
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.String;

        /// <summary>Number of bytes in the string (its content, without the length prefix).</summary>
        public int Count { get; }

        /// <summary>The string's content bytes, without the length prefix (a view, not a copy).</summary>
        public ArraySegment<byte> Bytes => new ArraySegment<byte>(_buffer, _start, Count);

        /// <summary>Copies the content bytes into a new array.</summary>
        /// <returns>A new array holding the bytes.</returns>
        public byte[] ToArray()
        {
            var copy = new byte[Count];
            Buffer.BlockCopy(_buffer, _start, copy, 0, Count);
            return copy;
        }

        /// <summary>Decodes the bytes as UTF-8, replacing invalid sequences with U+FFFD.</summary>
        /// <returns>The text.</returns>
        public override string ToString() => Encoding.UTF8.GetString(_buffer, _start, Count);

        /// <summary>Decodes the bytes as strict UTF-8.</summary>
        /// <param name="text">The text, or null when the bytes are not valid UTF-8.</param>
        /// <returns>True when the bytes are valid UTF-8.</returns>
        public bool TryGetUtf8(out string? text)
        {
            try
            {
                text = s_strictUtf8.GetString(_buffer, _start, Count);
                return true;
            }
            catch (DecoderFallbackException)
            {
                text = null;
                return false;
            }
        }

        /// <summary>True when the bytes equal the UTF-8 encoding of <paramref name="text"/>; allocates nothing for ASCII text.</summary>
        /// <param name="text">The text to compare with.</param>
        /// <returns>True when equal.</returns>
        public bool ContentEquals(string text) => ContentEquals(_buffer, _start, Count, text);

        /// <summary>Orders two strings as raw bytes, the order BEP 3 requires for dictionary keys.</summary>
        /// <param name="other">The other string.</param>
        /// <returns>Negative, zero or positive, as for <see cref="IComparable{T}.CompareTo"/>.</returns>
        public int CompareBytes(BString other) => CompareBytes(_buffer, _start, Count, other._buffer, other._start, other.Count);

        /// <summary>True when <paramref name="count"/> bytes at <paramref name="start"/> equal the UTF-8 encoding of <paramref name="text"/>.</summary>
        internal static bool ContentEquals(byte[] buffer, int start, int count, string text)
        {
            // UTF-8 never has fewer bytes than the text has chars, and has more as soon as one char is not ASCII. So a
            // text as long as the bytes must be ASCII and equal byte for byte, and a longer text never matches: a
            // dictionary look-up rejects most keys on their length alone.
            if (text.Length == count)
            {
                for (int i = 0; i < count; i++)
                {
                    if (text[i] > 0x7F || buffer[start + i] != text[i])
                    {
                        return false;
                    }
                }

                return true;
            }

            if (text.Length > count || Encoding.UTF8.GetByteCount(text) != count)
            {
                return false;
            }

            byte[] encoded = Encoding.UTF8.GetBytes(text);
            return CompareBytes(buffer, start, count, encoded, 0, encoded.Length) == 0;
        }

        /// <summary>Orders two byte ranges as raw bytes: the first differing byte decides, then the shorter range comes first.</summary>
        internal static int CompareBytes(byte[] left, int leftStart, int leftCount, byte[] right, int rightStart, int rightCount)
        {
            int common = Math.Min(leftCount, rightCount);
            for (int i = 0; i < common; i++)
            {
                int diff = left[leftStart + i] - right[rightStart + i];
                if (diff != 0)
                {
                    return diff;
                }
            }

            return leftCount - rightCount;
        }

        /// <inheritdoc />
        public bool Equals(BString? other) => other is not null && Count == other.Count && CompareBytes(other) == 0;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is BString other && Equals(other);

        /// <summary>A hash of the bytes: <see cref="SeededHash.Process"/>, FNV-1a from a per-process random seed, then mixed.</summary>
        /// <returns>The hash; equal strings hash alike within one process, never across processes.</returns>
        public override int GetHashCode() => SeededHash.Process.Of(_buffer, _start, Count);
    }
}
