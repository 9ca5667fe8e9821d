using System.Linq;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Fuzz.Targets
{
    /// <summary>
    /// Raw bytes through <see cref="BencodeDecoder.Decode"/>, lenient and strict, plus two round-trip properties of
    /// <see cref="BencodeEncoder"/> (BEP 3 canonical form): a strictly valid input re-encodes to itself, and whatever the
    /// lenient decoder accepts re-encodes to something the strict decoder accepts.
    /// </summary>
    public sealed class BencodeTarget : FuzzTarget
    {
        private static readonly BencodeLimits s_strict = new BencodeLimits { Strict = true };

        /// <inheritdoc/>
        public override string Name => "bencode";

        /// <inheritdoc/>
        public override string Contract =>
            "BencodeDecoder.Decode, lenient and Strict: BencodeException, nothing else; strict input re-encodes to itself; "
            + "lenient input re-encodes to strict bencode.";

        /// <inheritdoc/>
        public override void Run(byte[] input)
        {
            BencodeDocument? lenient = null;
            Attempt<BencodeException>(() => lenient = BencodeDecoder.Decode(input));
            if (lenient is not null)
            {
                byte[] canonical = BencodeEncoder.Encode(lenient.Root);
                if (!Attempt<BencodeException>(() => BencodeDecoder.Decode(canonical, s_strict)))
                {
                    throw new FuzzContractException("The encoding of a leniently decoded value is not strict bencode.");
                }
            }

            BencodeDocument? strict = null;
            Attempt<BencodeException>(() => strict = BencodeDecoder.Decode(input, s_strict));
            if (strict is not null && !BencodeEncoder.Encode(strict.Root).SequenceEqual(input))
            {
                throw new FuzzContractException("A strictly valid input does not re-encode to the same bytes.");
            }
        }
    }
}
