using System.Net;
using System.Net.Sockets;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpAnnounceResponseTests
    {
        // BEP 15 §announce response: action 1, transaction_id, interval, leechers, seeders, then peers.
        private const string Header = "00000001 0000002A 00000708 00000003 00000005";

        [Fact]
        public void Decode_IPv4Peers()
        {
            byte[] packet = Hex.Bytes(Header + "7F000001 1AE1" + "C0000207 FFFF");

            var response = UdpAnnounceResponse.Decode(packet, 42, AddressFamily.InterNetwork);

            Assert.Equal(1800u, response.Interval);
            Assert.Equal(3u, response.Leechers);
            Assert.Equal(5u, response.Seeders);
            Assert.Equal(new[] { new IPEndPoint(IPAddress.Loopback, 6881), new IPEndPoint(IPAddress.Parse("192.0.2.7"), 65535) }, response.Peers);
        }

        [Fact]
        public void Decode_IPv6PeersUse18ByteStride()
        {
            byte[] packet = Hex.Bytes(Header + "00000000000000000000000000000001 1AE1" + "20010DB8000000000000000000000007 0050");

            var response = UdpAnnounceResponse.Decode(packet, 42, AddressFamily.InterNetworkV6);

            Assert.Equal(new[] { new IPEndPoint(IPAddress.IPv6Loopback, 6881), new IPEndPoint(IPAddress.Parse("2001:db8::7"), 80) }, response.Peers);
        }

        [Fact]
        public void Decode_NoPeers()
        {
            var response = UdpAnnounceResponse.Decode(Hex.Bytes(Header), 42, AddressFamily.InterNetwork);

            Assert.Empty(response.Peers);
        }

        [Fact]
        public void Decode_ShorterThanHeader_Throws()
        {
            byte[] packet = Hex.Bytes("00000001 0000002A 00000708 00000003 000000");

            var e = Assert.Throws<UdpPacketException>(() => UdpAnnounceResponse.Decode(packet, 42, AddressFamily.InterNetwork));
            Assert.Contains("Truncated announce response: 19 bytes, expected at least 20", e.Message);
        }

        [Fact]
        public void Decode_PartialPeer_Throws()
        {
            byte[] packet = Hex.Bytes(Header + "7F000001 1AE1" + "7F00");

            var e = Assert.Throws<UdpPacketException>(() => UdpAnnounceResponse.Decode(packet, 42, AddressFamily.InterNetwork));
            Assert.Contains("8 peer bytes after byte 20 are not a multiple of 6", e.Message);
        }

        [Fact]
        public void Decode_IPv4SizedPeersFromIPv6Tracker_Throws()
        {
            byte[] packet = Hex.Bytes(Header + "7F000001 1AE1");

            var e = Assert.Throws<UdpPacketException>(() => UdpAnnounceResponse.Decode(packet, 42, AddressFamily.InterNetworkV6));
            Assert.Contains("not a multiple of 18", e.Message);
        }

        [Fact]
        public void Decode_WrongTransactionId_Throws()
        {
            var e = Assert.Throws<UdpPacketException>(() => UdpAnnounceResponse.Decode(Hex.Bytes(Header), 43, AddressFamily.InterNetwork));
            Assert.Contains("transaction id 0x0000002a at byte 4, expected 0x0000002b", e.Message);
        }

        [Fact]
        public void Decode_WrongAction_Throws()
        {
            byte[] packet = Hex.Bytes("00000002 0000002A 00000708 00000003 00000005");

            var e = Assert.Throws<UdpPacketException>(() => UdpAnnounceResponse.Decode(packet, 42, AddressFamily.InterNetwork));
            Assert.Contains("action 2 at byte 0, expected 1", e.Message);
        }
    }
}
