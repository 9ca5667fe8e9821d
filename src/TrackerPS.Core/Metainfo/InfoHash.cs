using System;
using System.Linq;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// An info-hash: the 20-byte SHA-1 of a v1 info dictionary (BEP 3), the 32-byte SHA-256 of a v2 one
    /// (BEP 52), or a v2 hash truncated to its first 20 bytes (the form trackers and the peer protocol use).
    /// Immutable; compares by value.
    /// </summary>
    public sealed class InfoHash : IEquatable<InfoHash>
    {
        private readonly byte[] _bytes;

        /// <summary>Creates an info-hash from 20 or 32 bytes (copied).</summary>
        /// <param name="bytes">20 bytes (SHA-1, or truncated SHA-256) or 32 bytes (SHA-256).</param>
        /// <exception cref="ArgumentException">The length is neither 20 nor 32.</exception>
        public InfoHash(byte[] bytes)
        {
            if (bytes is null || (bytes.Length != 20 && bytes.Length != 32))
            {
                throw new ArgumentException("An info-hash is 20 or 32 bytes.", nameof(bytes));
            }

            _bytes = (byte[])bytes.Clone();
        }

        /// <summary>Length in bytes: 20 or 32.</summary>
        public int Length => _bytes.Length;

        /// <summary>The 20 bytes a tracker is sent: the whole hash for 20 bytes, the first 20 of a SHA-256 (BEP 52).</summary>
        public InfoHash Truncated => _bytes.Length == 20 ? this : new InfoHash(_bytes.Take(20).ToArray());

        /// <summary>Copies the hash bytes.</summary>
        /// <returns>A new array of 20 or 32 bytes.</returns>
        public byte[] ToArray() => (byte[])_bytes.Clone();

        /// <summary>Copies the first <paramref name="count"/> bytes (at most <see cref="Length"/>) into <paramref name="destination"/> at <paramref name="offset"/>, with no copy of its own.</summary>
        /// <param name="destination">The array written.</param>
        /// <param name="offset">Where the bytes go.</param>
        /// <param name="count">How many bytes: 20 for the truncated hash (BEP 52).</param>
        internal void CopyTo(byte[] destination, int offset, int count) => Buffer.BlockCopy(_bytes, 0, destination, offset, count);

        /// <summary>Lower-case hexadecimal (40 or 64 characters).</summary>
        /// <returns>The hex string.</returns>
        public string ToHex() => Hex.Encode(_bytes, 0, _bytes.Length);

        /// <summary>RFC 4648 base32, upper case, no padding: 32 characters for 20 bytes (BEP 9 magnet links), 52 for 32 bytes.</summary>
        /// <returns>The base32 string.</returns>
        public string ToBase32() => Base32.Encode(_bytes);

        /// <summary>Parses 40 or 64 hex characters, or 32 or 52 base32 characters (any case): 20 or 32 bytes.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The info-hash.</returns>
        /// <exception cref="FormatException">The text is none of those forms.</exception>
        public static InfoHash Parse(string text)
        {
            if (TryParse(text, out InfoHash? hash))
            {
                return hash!;
            }

            throw new FormatException($"'{text}' is not an info-hash: expected 40 or 64 hexadecimal characters, or 32 or 52 base32 characters.");
        }

        /// <summary>Tries to parse 40 or 64 hex characters, or 32 or 52 base32 characters (any case): 20 or 32 bytes.</summary>
        /// <param name="text">The text.</param>
        /// <param name="hash">The info-hash, or null.</param>
        /// <returns>True when parsed.</returns>
        public static bool TryParse(string? text, out InfoHash? hash)
        {
            hash = null;
            if (text is null)
            {
                return false;
            }

            byte[]? bytes = text.Length switch
            {
                40 or 64 => FromHex(text),
                32 => Base32.Decode(text, 20),
                52 => Base32.Decode(text, 32),
                _ => null,
            };
            if (bytes is not null)
            {
                hash = new InfoHash(bytes);
            }

            return hash is not null;
        }

        /// <inheritdoc />
        public bool Equals(InfoHash? other) => other is not null && _bytes.SequenceEqual(other._bytes);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is InfoHash other && Equals(other);

        /// <summary>A <see cref="SeededHash"/> of the bytes: a magnet link's info-hash is any bytes its writer chose.</summary>
        /// <returns>The hash; equal info-hashes hash alike within one process.</returns>
        public override int GetHashCode() => SeededHash.Process.Of(_bytes, 0, _bytes.Length);

        /// <summary>Lower-case hexadecimal.</summary>
        /// <returns>The hex string.</returns>
        public override string ToString() => ToHex();

        private static byte[]? FromHex(string text)
        {
            var bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = HexValue(text[2 * i]);
                int low = HexValue(text[(2 * i) + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}
