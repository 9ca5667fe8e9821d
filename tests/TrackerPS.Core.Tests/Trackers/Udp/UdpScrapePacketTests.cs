using System;
using System.Linq;
using TrackerPS.Core.Metainfo;
using TrackerPS.Core.Trackers.Udp;
using Xunit;

namespace TrackerPS.Core.Tests.Trackers.Udp
{
    public class UdpScrapePacketTests
    {
        private const string HashA = "0101010101010101010101010101010101010101";
        private const string HashB = "0202020202020202020202020202020202020202";

        [Fact]
        public void ScrapeRequest_IsConnectionIdActionTransactionIdHashes()
        {
            byte[] packet = UdpScrapeRequest.Encode(0x1122334455667788, 7, new[] { InfoHash.Parse(HashA), InfoHash.Parse(HashB) });

            // BEP 15 §scrape request: int64 connection_id, int32 action 2, int32 transaction_id, 20-byte info_hash × N.
            Assert.Equal(Hex.Bytes("1122334455667788 00000002 00000007" + HashA + HashB), packet);
        }

        [Fact]
        public void ScrapeRequest_74HashesFit()
        {
            InfoHash[] hashes = Enumerable.Range(0, UdpScrapeRequest.MaxInfoHashes).Select(i => new InfoHash(Enumerable.Repeat((byte)i, 20).ToArray())).ToArray();

            byte[] packet = UdpScrapeRequest.Encode(1, 2, hashes);

            Assert.Equal(16 + (74 * 20), packet.Length);
            Assert.Equal(Enumerable.Repeat((byte)73, 20), packet.Skip(16 + (73 * 20)));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(75)]
        public void ScrapeRequest_RejectsCountOutsideOneTo74(int count)
        {
            InfoHash[] hashes = Enumerable.Range(0, count).Select(_ => InfoHash.Parse(HashA)).ToArray();

            Assert.Throws<ArgumentException>(() => UdpScrapeRequest.Encode(1, 2, hashes));
        }

        [Fact]
        public void ScrapeResponse_DecodesCountsByPosition()
        {
            // BEP 15 §scrape response: action 2, transaction_id, then seeders, completed, leechers per hash.
            byte[] packet = Hex.Bytes("00000002 00000007" + "00000001 00000002 00000003" + "0000000A 0000000B 0000000C");

            UdpScrapeEntry[] entries = UdpScrapeResponse.Decode(packet, 7, 2);

            Assert.Equal((1u, 2u, 3u), (entries[0].Seeders, entries[0].Completed, entries[0].Leechers));
            Assert.Equal((10u, 11u, 12u), (entries[1].Seeders, entries[1].Completed, entries[1].Leechers));
        }

        [Fact]
        public void ScrapeResponse_Truncated_Throws()
        {
            byte[] packet = Hex.Bytes("00000002 00000007" + "00000001 00000002 00000003" + "0000000A 0000000B");

            var e = Assert.Throws<UdpPacketException>(() => UdpScrapeResponse.Decode(packet, 7, 2));
            Assert.Contains("Truncated scrape response for 2 info-hashes: 28 bytes, expected at least 32", e.Message);
        }

        [Fact]
        public void ScrapeResponse_Oversized_Throws()
        {
            byte[] packet = Hex.Bytes("00000002 00000007" + "00000001 00000002 00000003" + "0000000A 0000000B 0000000C");

            var e = Assert.Throws<UdpPacketException>(() => UdpScrapeResponse.Decode(packet, 7, 1));
            Assert.Contains("Oversized scrape response for 1 info-hashes: 32 bytes, expected at most 20", e.Message);
        }

        [Fact]
        public void ScrapeResponse_WrongTransactionId_Throws()
        {
            byte[] packet = Hex.Bytes("00000002 00000008 00000001 00000002 00000003");

            Assert.Throws<UdpPacketException>(() => UdpScrapeResponse.Decode(packet, 7, 1));
        }
    }
}
