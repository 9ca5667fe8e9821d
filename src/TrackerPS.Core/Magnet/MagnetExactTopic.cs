using System;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Magnet
{
    /// <summary>Reads an <c>xt</c> (exact topic) value: <c>urn:btih</c> (BEP 9) or <c>urn:btmh</c> SHA-256 multihash (BEP 52).</summary>
    internal static class MagnetExactTopic
    {
        /// <summary>What a usable <c>xt</c> looks like, for error messages and warnings.</summary>
        internal const string ExpectedForms = "expected urn:btih:<40 hex or 32 base32> or urn:btmh:1220<64 hex>";

        private const string BtihPrefix = "urn:btih:";
        private const string BtmhPrefix = "urn:btmh:";
        private const int V1HexLength = 40;
        private const int V1Base32Length = 32;
        private const int V2HexLength = 64;

        /// <summary>Parses an <c>xt</c> value.</summary>
        /// <param name="value">The decoded value, e.g. <c>urn:btih:62c4…</c>; the URN prefix is matched in any case.</param>
        /// <returns>A 20-byte hash for <c>urn:btih</c>, a 32-byte hash for <c>urn:btmh:1220</c>, or null when unusable.</returns>
        internal static InfoHash? Parse(string value)
        {
            if (value.StartsWith(BtihPrefix, StringComparison.OrdinalIgnoreCase))
            {
                string hash = value.Substring(BtihPrefix.Length);
                bool usableLength = hash.Length == V1HexLength || hash.Length == V1Base32Length;
                return usableLength && InfoHash.TryParse(hash, out InfoHash? v1) ? v1 : null;
            }

            // BEP 52: the multihash is hex; 0x12 = SHA-256, 0x20 = 32-byte digest. Other hash functions are not BitTorrent v2.
            if (value.StartsWith(BtmhPrefix, StringComparison.OrdinalIgnoreCase))
            {
                string multihash = value.Substring(BtmhPrefix.Length);
                bool usable = multihash.Length == MagnetUriFormatter.Sha256MultihashPrefix.Length + V2HexLength
                    && multihash.StartsWith(MagnetUriFormatter.Sha256MultihashPrefix, StringComparison.Ordinal);
                return usable && InfoHash.TryParse(multihash.Substring(MagnetUriFormatter.Sha256MultihashPrefix.Length), out InfoHash? v2) ? v2 : null;
            }

            return null;
        }
    }
}
