using System;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// One length-prefixed peer message (BEP 3 §peer messages): a 4-byte big-endian length, a 1-byte id, the payload.
    /// A length of 0 is a keep-alive, which has no id.
    /// </summary>
    public sealed class PeerMessage
    {
        /// <summary>Bytes of the length prefix: 4.</summary>
        public const int LengthPrefixSize = 4;

        /// <summary>The largest message this client reads: 2 MiB (a bitfield of 16 million pieces; a piece message is 16 KiB).</summary>
        public const int MaxLength = 2 * 1024 * 1024;

        /// <summary>The keep-alive (BEP 3): a zero length prefix and nothing else. Returns a new array each time.</summary>
        public static byte[] KeepAlive => new byte[LengthPrefixSize];

        /// <summary>Creates a message.</summary>
        /// <param name="id">The message id (any byte: unknown ids are kept, for the reader to ignore).</param>
        /// <param name="payload">The bytes after the id.</param>
        public PeerMessage(byte id, byte[] payload)
        {
            Id = id;
            Payload = payload ?? throw new ArgumentNullException(nameof(payload));
        }

        /// <summary>The message id.</summary>
        public byte Id { get; }

        /// <summary>The bytes after the id.</summary>
        public byte[] Payload { get; }

        /// <summary>The wire bytes: length prefix, id, payload.</summary>
        /// <returns>The message.</returns>
        public byte[] Encode()
        {
            var bytes = new byte[LengthPrefixSize + 1 + Payload.Length];
            WriteLength(bytes, Payload.Length + 1);
            bytes[LengthPrefixSize] = Id;
            Buffer.BlockCopy(Payload, 0, bytes, LengthPrefixSize + 1, Payload.Length);
            return bytes;
        }

        /// <summary>Reads a length prefix and checks it against a limit, before anything is allocated for the message.</summary>
        /// <param name="prefix">The 4 prefix bytes.</param>
        /// <param name="maxLength">The largest message (id and payload) accepted, in bytes.</param>
        /// <returns>The length of id and payload; 0 for a keep-alive.</returns>
        /// <exception cref="PeerWireException">The length exceeds <paramref name="maxLength"/>.</exception>
        public static int ReadLength(ArraySegment<byte> prefix, int maxLength)
        {
            byte[] bytes = prefix.Array!;
            int at = prefix.Offset;
            uint length = ((uint)bytes[at] << 24) | ((uint)bytes[at + 1] << 16) | ((uint)bytes[at + 2] << 8) | bytes[at + 3];
            if (length > (uint)maxLength)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, $"a message of {length} bytes exceeds the limit of {maxLength} bytes");
            }

            return (int)length;
        }

        private static void WriteLength(byte[] bytes, int length)
        {
            bytes[0] = (byte)(length >> 24);
            bytes[1] = (byte)(length >> 16);
            bytes[2] = (byte)(length >> 8);
            bytes[3] = (byte)length;
        }
    }
}
