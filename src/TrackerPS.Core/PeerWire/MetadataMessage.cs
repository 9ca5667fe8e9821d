using System;
using System.Collections.Generic;
using TrackerPS.Core.Bencode;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// A ut_metadata message (BEP 9): a bencoded dictionary with <c>msg_type</c> and <c>piece</c> (and, for data,
    /// <c>total_size</c>), a data message followed by the piece's bytes. The info dictionary is cut into 16 KiB pieces,
    /// the last one shorter.
    /// </summary>
    public sealed class MetadataMessage
    {
        /// <summary>The size of every metadata piece but the last: 16 KiB (BEP 9).</summary>
        public const int PieceSize = 16 * 1024;

        /// <summary>Creates a message.</summary>
        /// <param name="type">The <c>msg_type</c> as sent; a value outside <see cref="MetadataMessageType"/> is an unknown type, to be ignored.</param>
        /// <param name="piece">The piece index.</param>
        /// <param name="totalSize">The <c>total_size</c> of a data message, else null.</param>
        /// <param name="data">The bytes after the dictionary (a data message's piece), else empty (or default).</param>
        public MetadataMessage(long type, long piece, long? totalSize, ArraySegment<byte> data)
        {
            Type = type;
            Piece = piece;
            TotalSize = totalSize;
            Data = data;
        }

        /// <summary>The <c>msg_type</c>, as sent.</summary>
        public long Type { get; }

        /// <summary>The piece index, as sent.</summary>
        public long Piece { get; }

        /// <summary>The <c>total_size</c> of a data message, or null.</summary>
        public long? TotalSize { get; }

        /// <summary>The bytes after the dictionary, not copied: a decoded message's data lies where its input does.</summary>
        public ArraySegment<byte> Data { get; }

        /// <summary>The number of 16 KiB pieces of metadata of <paramref name="size"/> bytes.</summary>
        /// <param name="size">The metadata size, at least 1.</param>
        /// <returns>The piece count.</returns>
        public static int PieceCount(long size) => (int)((size + PieceSize - 1) / PieceSize);

        /// <summary>The length of piece <paramref name="piece"/> of metadata of <paramref name="size"/> bytes: 16 KiB, the last one the rest.</summary>
        /// <param name="size">The metadata size.</param>
        /// <param name="piece">A piece index below <see cref="PieceCount"/>.</param>
        /// <returns>The piece's length in bytes.</returns>
        public static int PieceLength(long size, int piece) => (int)Math.Min(PieceSize, size - ((long)piece * PieceSize));

        /// <summary>A message, as an extended message under the receiver's ut_metadata id.</summary>
        /// <param name="extendedId">The id the receiver gave ut_metadata in its <c>m</c>.</param>
        /// <returns>The peer message.</returns>
        public PeerMessage Encode(byte extendedId)
        {
            var entries = new List<KeyValuePair<BString, BValue>>
            {
                new KeyValuePair<BString, BValue>(new BString("msg_type"), new BInteger(Type)),
                new KeyValuePair<BString, BValue>(new BString("piece"), new BInteger(Piece)),
            };
            if (TotalSize is long total)
            {
                entries.Add(new KeyValuePair<BString, BValue>(new BString("total_size"), new BInteger(total)));
            }

            return ExtendedMessage.Encode(extendedId, BencodeEncoder.Encode(new BDictionary(entries)), Data);
        }

        /// <summary>A request for one piece.</summary>
        /// <param name="piece">The piece index.</param>
        /// <returns>The message.</returns>
        public static MetadataMessage Request(int piece) => new MetadataMessage((long)MetadataMessageType.Request, piece, null, default);

        /// <summary>A reject of one piece.</summary>
        /// <param name="piece">The piece index.</param>
        /// <returns>The message.</returns>
        public static MetadataMessage Reject(long piece) => new MetadataMessage((long)MetadataMessageType.Reject, piece, null, default);

        /// <summary>Decodes a ut_metadata message (the extended payload after its id) in place: nothing is copied.</summary>
        /// <param name="bytes">The dictionary and any trailing piece bytes (a byte array, or a message in a connection's buffer).</param>
        /// <returns>The message; its <see cref="Data"/> is the segment of <paramref name="bytes"/> after the dictionary.</returns>
        /// <exception cref="PeerWireException">Not a dictionary, or <c>msg_type</c> or <c>piece</c> missing or not integers.</exception>
        public static MetadataMessage Decode(ArraySegment<byte> bytes)
        {
            BDictionary root = ExtendedMessage.DecodeDictionary(bytes, "ut_metadata message", out int length);
            if (root["msg_type"] is not BInteger type)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, "the ut_metadata message has no integer 'msg_type'");
            }

            if (root["piece"] is not BInteger piece)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, "the ut_metadata message has no integer 'piece'");
            }

            var data = new ArraySegment<byte>(bytes.Array!, bytes.Offset + length, bytes.Count - length);
            return new MetadataMessage(type.Value, piece.Value, (root["total_size"] as BInteger)?.Value, data);
        }
    }
}
