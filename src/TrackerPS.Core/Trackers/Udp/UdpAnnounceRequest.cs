using System;
using System.Net;
using System.Net.Sockets;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// BEP 15 §announce request, 98 bytes then BEP 41 options: <c>int64 connection_id</c>, <c>int32 action</c> (1),
    /// <c>int32 transaction_id</c>, <c>info_hash</c> (20), <c>peer_id</c> (20), <c>int64 downloaded</c>,
    /// <c>int64 left</c>, <c>int64 uploaded</c>, <c>int32 event</c>, <c>uint32 IP address</c>, <c>uint32 key</c>,
    /// <c>int32 num_want</c>, <c>uint16 port</c>.
    /// </summary>
    internal static class UdpAnnounceRequest
    {
        /// <summary>Bytes before the BEP 41 options.</summary>
        internal const int FixedSize = 98;

        /// <summary>Checks what the packet cannot carry.</summary>
        /// <exception cref="ArgumentException">The peer id is not 20 bytes, or the port is not 0–65535.</exception>
        internal static void Validate(AnnounceRequest request)
        {
            if (request.PeerId is null || request.PeerId.Length != 20)
            {
                throw new ArgumentException("The peer id must be 20 bytes (BEP 15 §announce).", nameof(request));
            }

            if (request.Port < 0 || request.Port > ushort.MaxValue)
            {
                throw new ArgumentException($"Port {request.Port} is not 0–65535.", nameof(request));
            }
        }

        /// <summary>Encodes the request; the info-hash is truncated to 20 bytes (BEP 52).</summary>
        /// <exception cref="ArgumentException">See <see cref="Validate"/>.</exception>
        internal static byte[] Encode(ulong connectionId, uint transactionId, AnnounceRequest request, byte[] urlData)
        {
            Validate(request);
            var packet = new byte[FixedSize + urlData.Length];
            BigEndian.WriteUInt64(packet, 0, connectionId);
            BigEndian.WriteUInt32(packet, 8, (uint)UdpAction.Announce);
            BigEndian.WriteUInt32(packet, 12, transactionId);
            request.InfoHash.CopyTo(packet, 16, 20);
            Buffer.BlockCopy(request.PeerId, 0, packet, 36, 20);
            BigEndian.WriteUInt64(packet, 56, (ulong)request.Downloaded);
            BigEndian.WriteUInt64(packet, 64, (ulong)request.Left);
            BigEndian.WriteUInt64(packet, 72, (ulong)request.Uploaded);
            BigEndian.WriteUInt32(packet, 80, EventCode(request.Event));
            WriteIPv4(packet, 84, request.IPAddress);
            BigEndian.WriteUInt32(packet, 88, request.Key);
            BigEndian.WriteUInt32(packet, 92, (uint)request.NumWant);
            BigEndian.WriteUInt16(packet, 96, (ushort)request.Port);
            Buffer.BlockCopy(urlData, 0, packet, FixedSize, urlData.Length);
            return packet;
        }

        // BEP 15 event codes: 0 none, 1 completed, 2 started, 3 stopped. BEP 21 "paused" has no UDP code.
        private static uint EventCode(TrackerEvent trackerEvent) => trackerEvent == TrackerEvent.Paused ? 0u : (uint)trackerEvent;

        // BEP 15: the IP field is 0 (use the source address) unless an IPv4 address is given; the IPv6 extension keeps
        // it 32 bits wide, so an IPv6 address cannot be sent.
        private static void WriteIPv4(byte[] packet, int offset, IPAddress? address)
        {
            if (address is not null && address.AddressFamily == AddressFamily.InterNetwork)
            {
                Buffer.BlockCopy(address.GetAddressBytes(), 0, packet, offset, 4);
            }
        }
    }
}
