using System;
using System.Text;
using TrackerPS.Core.Metainfo;

namespace TrackerPS.Core.PeerWire
{
    /// <summary>
    /// The BEP 3 handshake: <c>19</c>, <c>"BitTorrent protocol"</c>, 8 reserved bytes, the 20-byte info-hash, the
    /// 20-byte peer id; 68 bytes in all. A v2 or hybrid torrent is named by its SHA-256 truncated to 20 bytes (BEP 52).
    /// </summary>
    public sealed class PeerHandshake
    {
        /// <summary>Length of a handshake: 68 bytes.</summary>
        public const int Length = 68;

        private const int HashLength = 20;
        private static readonly byte[] s_protocol = Encoding.ASCII.GetBytes("\u0013BitTorrent protocol");

        /// <summary>Creates a handshake.</summary>
        /// <param name="features">The reserved-bit features.</param>
        /// <param name="infoHash">The 20-byte info-hash.</param>
        /// <param name="peerId">The 20-byte peer id.</param>
        /// <exception cref="ArgumentException">The info-hash or peer id is not 20 bytes.</exception>
        public PeerHandshake(PeerFeatures features, InfoHash infoHash, byte[] peerId)
        {
            if (infoHash is null || infoHash.Length != HashLength)
            {
                throw new ArgumentException("The handshake's info-hash must be 20 bytes (a v2 hash truncated, BEP 52).", nameof(infoHash));
            }

            if (peerId is null || peerId.Length != HashLength)
            {
                throw new ArgumentException("A peer id must be 20 bytes (BEP 3).", nameof(peerId));
            }

            Features = features;
            InfoHash = infoHash;
            PeerId = (byte[])peerId.Clone();
        }

        /// <summary>The known reserved bits set.</summary>
        public PeerFeatures Features { get; }

        /// <summary>The 20-byte info-hash.</summary>
        public InfoHash InfoHash { get; }

        /// <summary>The 20-byte peer id.</summary>
        public byte[] PeerId { get; }

        /// <summary>The 68 wire bytes.</summary>
        /// <returns>The handshake.</returns>
        public byte[] Encode()
        {
            var bytes = new byte[Length];
            Buffer.BlockCopy(s_protocol, 0, bytes, 0, s_protocol.Length);
            Buffer.BlockCopy(ReservedBits.Encode(Features), 0, bytes, 20, ReservedBits.Length);
            Buffer.BlockCopy(InfoHash.ToArray(), 0, bytes, 28, HashLength);
            Buffer.BlockCopy(PeerId, 0, bytes, 48, HashLength);
            return bytes;
        }

        /// <summary>Decodes a handshake.</summary>
        /// <param name="bytes">At least 68 bytes; the first 68 are read.</param>
        /// <returns>The handshake.</returns>
        /// <exception cref="PeerWireException">Fewer than 68 bytes, or not the BitTorrent protocol header (an encrypted or non-BitTorrent peer).</exception>
        public static PeerHandshake Decode(byte[] bytes)
        {
            if (bytes is null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            if (bytes.Length < Length)
            {
                throw new PeerWireException(PeerErrorKind.ProtocolViolation, $"the handshake is {bytes.Length} bytes, expected {Length}");
            }

            for (int i = 0; i < s_protocol.Length; i++)
            {
                if (bytes[i] != s_protocol[i])
                {
                    throw new PeerWireException(PeerErrorKind.ProtocolViolation, "the handshake does not start with 19 'BitTorrent protocol' (an encrypted or non-BitTorrent peer)");
                }
            }

            var hash = new byte[HashLength];
            var peerId = new byte[HashLength];
            Buffer.BlockCopy(bytes, 28, hash, 0, HashLength);
            Buffer.BlockCopy(bytes, 48, peerId, 0, HashLength);
            return new PeerHandshake(ReservedBits.Decode(bytes, 20), new InfoHash(hash), peerId);
        }
    }
}
