using System;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded value (BEP 3): an integer, a byte string, a list or a dictionary.
    /// A value produced by <see cref="BencodeDecoder"/> remembers the exact bytes it was decoded from, so
    /// hashes (the info-hash, BEP 3 and BEP 52) are computed over the original bytes, never a re-encoding.
    /// </summary>
    public abstract class BValue
    {
        private readonly byte[]? _source;

        /// <summary>Creates a value built in code (it has no source bytes).</summary>
        private protected BValue()
        {
            Offset = -1;
        }

        /// <summary>Creates a value decoded from <paramref name="source"/> at the given byte range.</summary>
        private protected BValue(byte[] source, int offset, int length)
        {
            _source = source;
            Offset = offset;
            Length = length;
        }

        /// <summary>The kind of value.</summary>
        public abstract BencodeKind Kind { get; }

        /// <summary>Byte offset of this value's first byte in the decoded input, or -1 for a value built in code.</summary>
        public int Offset { get; }

        /// <summary>Length in bytes of this value's encoded form in the decoded input (0 for a value built in code).</summary>
        public int Length { get; }

        /// <summary>True when the value was decoded and <see cref="RawBytes"/> is available.</summary>
        public bool HasRawBytes => _source is not null;

        /// <summary>
        /// The exact bytes this value was decoded from (its whole encoded form, prefix and terminator included).
        /// </summary>
        /// <exception cref="InvalidOperationException">The value was built in code, not decoded.</exception>
        public ArraySegment<byte> RawBytes => _source is not null
            ? new ArraySegment<byte>(_source, Offset, Length)
            : throw new InvalidOperationException("This bencode value was built in code and has no source bytes.");
    }
}
