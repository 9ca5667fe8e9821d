using System;
using System.Net.Sockets;
using TrackerPS.Core.Trackers.Udp;

namespace TrackerPS.Fuzz.Targets
{
    /// <summary>
    /// A BEP 15 datagram through every reply decoder the UDP client uses: connect, error, announce (refusal check, IPv4
    /// and IPv6 peers) and scrape. The expected transaction id is the packet's own (bytes 4 to 7), so the fuzzer gets past
    /// that check; the scrape asks for as many info-hashes as the packet has 12-byte entries (at least 1, at most 74).
    /// </summary>
    public sealed class UdpTarget : FuzzTarget
    {
        /// <inheritdoc/>
        public override string Name => "udp";

        /// <inheritdoc/>
        public override string Contract =>
            "UdpConnectResponse/UdpErrorResponse/UdpAnnounceResponse/UdpScrapeResponse.Decode: UdpPacketException, nothing else.";

        /// <inheritdoc/>
        public override void Run(byte[] input)
        {
            uint transactionId = input.Length >= UdpResponseHeader.Size ? BigEndian.ReadUInt32(input, 4) : 0;
            Attempt<UdpPacketException>(() => UdpConnectResponse.Decode(input, transactionId));
            if (UdpErrorResponse.IsError(input))
            {
                Attempt<UdpPacketException>(() => UdpErrorResponse.Decode(input, transactionId));
            }

            if (!UdpAnnounceResponse.IsRefusal(input, transactionId))
            {
                Attempt<UdpPacketException>(() => UdpAnnounceResponse.Decode(input, transactionId, AddressFamily.InterNetwork));
                Attempt<UdpPacketException>(() => UdpAnnounceResponse.Decode(input, transactionId, AddressFamily.InterNetworkV6));
            }

            int entries = Math.Max(1, Math.Min(UdpScrapeRequest.MaxInfoHashes, (input.Length - UdpScrapeResponse.HeaderSize) / UdpScrapeResponse.EntrySize));
            Attempt<UdpPacketException>(() => UdpScrapeResponse.Decode(input, transactionId, entries));
        }
    }
}
