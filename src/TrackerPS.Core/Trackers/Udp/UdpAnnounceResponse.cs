using System;
using System.Net;
using System.Net.Sockets;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §announce response: <c>int32 action</c> (1), <c>int32 transaction_id</c>, <c>int32 interval</c>,
    /// <c>int32 leechers</c>, <c>int32 seeders</c>, then peers of 6 bytes (IPv4 address, port) or, when the tracker
    /// was reached over IPv6, 18 bytes (IPv6 address, port) (BEP 15 §IPv6).
    /// </summary>
    internal sealed class UdpAnnounceResponse
    {
        /// <summary>Bytes before the peers.</summary>
        internal const int HeaderSize = 20;

        private UdpAnnounceResponse(uint interval, uint leechers, uint seeders, IPEndPoint[] peers)
        {
            Interval = interval;
            Leechers = leechers;
            Seeders = seeders;
            Peers = peers;
        }

        /// <summary>Seconds to wait before the next regular announce.</summary>
        internal uint Interval { get; }

        internal uint Leechers { get; }

        internal uint Seeders { get; }

        internal IPEndPoint[] Peers { get; }

        /// <summary>
        /// True for an announce reply of the 8-byte header alone (action 1, the transaction id): opentracker's refusal of an
        /// info-hash it does not serve (not on its whitelist). BEP 15 has no such reply; an announce response is 20 bytes or more.
        /// </summary>
        internal static bool IsRefusal(byte[] packet, uint transactionId) =>
            packet.Length == UdpResponseHeader.Size
            && UdpResponseHeader.TryRead(packet, out UdpAction action, out uint replyTransactionId)
            && action == UdpAction.Announce
            && replyTransactionId == transactionId;

        /// <summary>Decodes a reply received from a tracker address of <paramref name="family"/>.</summary>
        /// <exception cref="UdpPacketException">
        /// Shorter than 20 bytes, a trailing partial peer, or the action or transaction id differ.
        /// </exception>
        internal static UdpAnnounceResponse Decode(byte[] packet, uint transactionId, AddressFamily family)
        {
            UdpResponseHeader.Validate(packet, "announce response", UdpAction.Announce, transactionId, HeaderSize, int.MaxValue);
            int stride = family == AddressFamily.InterNetworkV6 ? CompactPeers.IPv6Stride : CompactPeers.IPv4Stride;
            int peerBytes = packet.Length - HeaderSize;
            if (peerBytes % stride != 0)
            {
                throw new UdpPacketException(
                    $"Truncated announce response: {peerBytes} peer bytes after byte {HeaderSize} are not a multiple of {stride} ({family} peers).");
            }

            IPEndPoint[] peers = CompactPeers.Decode(packet, HeaderSize, peerBytes, stride);

            return new UdpAnnounceResponse(
                BigEndian.ReadUInt32(packet, 8),
                BigEndian.ReadUInt32(packet, 12),
                BigEndian.ReadUInt32(packet, 16),
                peers);
        }
    }
}
