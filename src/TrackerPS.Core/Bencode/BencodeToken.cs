namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// One decoded value in a <see cref="BencodeTokenList"/>: where its encoding sits in the input, and one more number
    /// its kind needs (a string's content offset, an integer's value when it fits in 32 bits, a container's end). Its kind
    /// is read back from its first input byte. 12 bytes and no references, so 300,000 of them cost the GC nothing to
    /// scan; offsets fit in 32 bits because <see cref="BencodeLimits.MaxInputSize"/> is an <see cref="int"/>.
    /// </summary>
    /// <remarks>Sequential layout (the default): automatic layout rounds the struct up to 16 bytes on 64-bit.</remarks>
    internal struct BencodeToken
    {
        /// <summary>The <see cref="Extra"/> of an integer that does not fit in it: its value is read again from its digits.</summary>
        public const int LargeInteger = int.MinValue;

        /// <summary>Byte offset of the value's first byte.</summary>
        public int Offset { get; private set; }

        /// <summary>Length in bytes of the whole encoded value (0 for a container still open).</summary>
        public int Length { get; private set; }

        /// <summary>
        /// A string's content offset; an integer's value, or <see cref="LargeInteger"/> when it does not fit in 32 bits
        /// (or is <see cref="int.MinValue"/>); a container's end: the index of the token after its subtree.
        /// </summary>
        public int Extra { get; private set; }

        public static BencodeToken String(int offset, int length, int contentStart) =>
            new BencodeToken { Offset = offset, Length = length, Extra = contentStart };

        public static BencodeToken Integer(int offset, int length, long value) =>
            new BencodeToken { Offset = offset, Length = length, Extra = value > int.MinValue && value <= int.MaxValue ? (int)value : LargeInteger };

        public static BencodeToken Container(int offset) => new BencodeToken { Offset = offset };

        /// <summary>Completes a container once its <c>e</c> is read.</summary>
        public void Close(int length, int next)
        {
            Length = length;
            Extra = next;
        }
    }
}
