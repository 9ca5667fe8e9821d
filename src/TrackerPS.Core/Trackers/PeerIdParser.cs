using System;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.Trackers
{
    /// <summary>Parses a user-supplied peer id (BEP 3: exactly 20 bytes).</summary>
    public static class PeerIdParser
    {
        /// <summary>
        /// Parses 20 characters, each U+0000–U+00FF taken as one byte (so <c>-XX0001-abcdefghijkl</c> works), or
        /// 40 hexadecimal characters.
        /// </summary>
        /// <param name="text">The peer id text.</param>
        /// <returns>The 20 bytes.</returns>
        /// <exception cref="ArgumentException">The text is neither form.</exception>
        public static byte[] Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            // 40 hex characters have the shape of a v1 info-hash; reuse its hex parser.
            if (text.Length == TrackerSession.PeerIdLength * 2 && InfoHash.TryParse(text, out InfoHash? hex))
            {
                return hex!.ToArray();
            }

            if (text.Length == TrackerSession.PeerIdLength)
            {
                var bytes = new byte[TrackerSession.PeerIdLength];
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] > 0xFF)
                    {
                        throw new ArgumentException(
                            $"Peer id '{text}' has the character '{text[i]}' (U+{(int)text[i]:X4}) at position {i}: each of the 20 characters must be U+0000 to U+00FF (one byte).",
                            nameof(text));
                    }

                    bytes[i] = (byte)text[i];
                }

                return bytes;
            }

            throw new ArgumentException(
                $"Peer id '{text}' is {text.Length} characters: expected 20 characters (one byte each) or 40 hexadecimal characters.",
                nameof(text));
        }
    }
}
