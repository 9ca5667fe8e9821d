using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace TrackerPS.Core.Bencode
{
    /// <summary>
    /// A bencoded integer (BEP 3): <c>i42e</c>. BEP 3 sets no size limit; the decoder accepts signed 64-bit values, and
    /// larger ones only with <see cref="BencodeLimits.AllowBigIntegers"/>, which <see cref="IsBig"/> and
    /// <see cref="BigValue"/> then describe.
    /// </summary>
    public sealed class BInteger : BValue
    {
        /// <summary>Shortest encoding of an integer outside 64 bits: <c>i</c>, 19 digits, <c>e</c>.</summary>
        private const int ShortestBig = 21;

        private readonly long _value;
        private readonly BigInteger? _big;

        /// <summary>Creates an integer value in code.</summary>
        /// <param name="value">The value.</param>
        public BInteger(long value)
        {
            _value = value;
        }

        /// <summary>Creates an integer value in code, of any size.</summary>
        /// <param name="value">The value.</param>
        public BInteger(BigInteger value)
        {
            if (value >= long.MinValue && value <= long.MaxValue)
            {
                _value = (long)value;
            }
            else
            {
                _big = value;
            }
        }

        internal BInteger(byte[] source, int offset, int length, long value)
            : base(source, offset, length)
        {
            _value = value;
            if (length >= ShortestBig)
            {
                // Only a decoder allowing big integers lets one through; its digits are in the source bytes.
                BigInteger parsed = BigInteger.Parse(Encoding.ASCII.GetString(source, offset + 1, length - 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                _big = parsed >= long.MinValue && parsed <= long.MaxValue ? null : parsed;
            }
        }

        /// <inheritdoc />
        public override BencodeKind Kind => BencodeKind.Integer;

        /// <summary>True when the value does not fit in 64 bits (see <see cref="BigValue"/>).</summary>
        public bool IsBig => _big is not null;

        /// <summary>The integer value.</summary>
        /// <exception cref="OverflowException">The value does not fit in 64 bits (<see cref="IsBig"/>).</exception>
        public long Value => _big is null ? _value : throw new OverflowException($"The bencode integer {_big} does not fit in 64 bits.");

        /// <summary>The integer value, of any size.</summary>
        public BigInteger BigValue => _big ?? _value;

        /// <summary>The value in invariant decimal form.</summary>
        /// <returns>The decimal string.</returns>
        public override string ToString() => _big?.ToString(CultureInfo.InvariantCulture) ?? _value.ToString(CultureInfo.InvariantCulture);
    }
}
