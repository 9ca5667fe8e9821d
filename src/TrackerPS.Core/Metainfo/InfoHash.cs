using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TrackerPS.Core.Metainfo
{
    /// <summary>
    /// An info-hash: the 20-byte SHA-1 of a v1 info dictionary (BEP 3), the 32-byte SHA-256 of a v2 one
    /// (BEP 52), or a v2 hash truncated to its first 20 bytes (the form trackers and the peer protocol use).
    /// Immutable; compares by value.
    /// </summary>
    public sealed class InfoHash : IEquatable<InfoHash>
    {
        private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
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

        /// <summary>Lower-case hexadecimal (40 or 64 characters).</summary>
        /// <returns>The hex string.</returns>
        public string ToHex() => Hex.Encode(_bytes, 0, _bytes.Length);

        /// <summary>RFC 4648 base32, upper case, no padding (32 characters for 20 bytes), as in BEP 9 magnet links.</summary>
        /// <returns>The base32 string.</returns>
        public string ToBase32()
        {
            var text = new StringBuilder(((_bytes.Length * 8) + 4) / 5);
            int buffer = 0;
            int bits = 0;
            foreach (byte b in _bytes)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    text.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }
            }

            if (bits > 0)
            {
                text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
            }

            return text.ToString();
        }

        /// <summary>Parses 40 or 64 hex characters, or 32 base32 characters (any case).</summary>
        /// <param name="text">The text.</param>
        /// <returns>The info-hash.</returns>
        /// <exception cref="FormatException">The text is none of those forms.</exception>
        public static InfoHash Parse(string text)
        {
            if (TryParse(text, out InfoHash? hash))
            {
                return hash!;
            }

            throw new FormatException($"'{text}' is not an info-hash: expected 40 or 64 hexadecimal characters, or 32 base32 characters.");
        }

        /// <summary>Tries to parse 40 or 64 hex characters, or 32 base32 characters (any case).</summary>
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
                32 => FromBase32(text),
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

        /// <inheritdoc />
        public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

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

        private static byte[]? FromBase32(string text)
        {
            var bytes = new byte[20];
            int buffer = 0;
            int bits = 0;
            int index = 0;
            foreach (char c in text.ToUpperInvariant())
            {
                int value = Base32Alphabet.IndexOf(c);
                if (value < 0)
                {
                    return null;
                }

                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    bytes[index++] = (byte)(buffer >> (bits - 8));
                    bits -= 8;
                }
            }

            return bytes;
        }
    }
}
