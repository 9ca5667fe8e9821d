using System;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// The BEP 10 extended message: peer message id 20, then a one-byte extended id (0 for the handshake, else the id the
    /// receiver chose in its <c>m</c>), then a bencoded dictionary, then (for ut_metadata data) raw bytes.
    /// </summary>
    public static class ExtendedMessage
    {
        /// <summary>The largest bencoded dictionary accepted in an extended message: 64 KiB.</summary>
        public const int MaxDictionarySize = 64 * 1024;

        private static readonly BencodeLimits s_limits = new BencodeLimits { MaxInputSize = int.MaxValue, MaxDepth = 8, MaxTokens = 4096, AllowTrailingBytes = true };

        /// <summary>What follows the extended id of an extended message (its dictionary and trailer), copied.</summary>
        /// <param name="message">An extended message (id 20) with at least the extended id byte.</param>
        /// <returns>The bytes after the extended id.</returns>
        public static byte[] Body(PeerMessage message)
        {
            if (message is null || message.Payload.Length == 0)
            {
                throw new ArgumentException("An extended message starts with its extended id.", nameof(message));
            }

            var body = new byte[message.Payload.Length - 1];
            Buffer.BlockCopy(message.Payload, 1, body, 0, body.Length);
            return body;
        }

        /// <summary>Builds an extended message.</summary>
        /// <param name="extendedId">The extended id.</param>
        /// <param name="dictionary">The bencoded dictionary.</param>
        /// <param name="trailer">Raw bytes after the dictionary; empty (or default) for none.</param>
        /// <returns>The peer message.</returns>
        public static PeerMessage Encode(byte extendedId, byte[] dictionary, ArraySegment<byte> trailer)
        {
            var payload = new byte[1 + dictionary.Length + trailer.Count];
            payload[0] = extendedId;
            Buffer.BlockCopy(dictionary, 0, payload, 1, dictionary.Length);
            if (trailer.Count > 0)
            {
                Buffer.BlockCopy(trailer.Array!, trailer.Offset, payload, 1 + dictionary.Length, trailer.Count);
            }

            return new PeerMessage((byte)PeerMessageId.Extended, payload);
        }

        /// <summary>Decodes the bencoded dictionary at the start of <paramref name="bytes"/>; bytes after it are the trailer.</summary>
        /// <param name="bytes">The extended payload after its id (a byte array, or a message in place in a connection's buffer).</param>
        /// <param name="what">The message's name for errors.</param>
        /// <param name="dictionaryLength">How many bytes the dictionary took.</param>
        /// <returns>The dictionary.</returns>
        /// <exception cref="PeerWireException">The bytes do not start with a bencoded dictionary of at most <see cref="MaxDictionarySize"/> bytes.</exception>
        public static BDictionary DecodeDictionary(ArraySegment<byte> bytes, string what, out int dictionaryLength)
        {
            BencodeDocument document;
            try
            {
                document = BencodeDecoder.Decode(bytes, s_limits);
            }
            catch (BencodeException error)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, $"the {what} is not valid bencode: {error.Reason} at byte {error.Offset}", error);
            }

            if (document.Root is not BDictionary root)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, $"the {what} is not a bencoded dictionary");
            }

            dictionaryLength = root.Length;
            if (dictionaryLength > MaxDictionarySize)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, $"the {what}'s dictionary is {dictionaryLength} bytes, more than {MaxDictionarySize}");
            }

            return root;
        }
    }
}
