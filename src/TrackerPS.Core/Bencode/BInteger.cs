using System.Globalization;

namespace TrackerPS.Core.Bencode
{
    /// <summary>A bencoded integer (BEP 3): <c>i42e</c>, a signed 64-bit value.</summary>
    public sealed class BInteger : BValue
    {
        /// <summary>Creates an integer value in code.</summary>
        /// <param name="value">The value.</param>
        public BInteger(long value)
        {
            Value = value;
        }

        internal BInteger(byte[] source, int offset, int length, long value)
            : base(source, offset, length)
        {
            Value = value;
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.Integer;

        /// <summary>The integer value.</summary>
        public long Value { get; }

        /// <summary>The value in invariant decimal form.</summary>
        /// <returns>The decimal string.</returns>
        public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
    }
}
